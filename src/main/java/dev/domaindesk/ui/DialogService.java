package dev.domaindesk.ui;

import java.nio.file.Path;
import java.util.Optional;

/** Everything a view model asks of the person at the screen. The window shows real dialogs; tests script answers. */
public interface DialogService {

    boolean confirm(String title, String message, String confirmLabel);

    void error(String title, String message);

    void info(String title, String message);

    /** @param description e.g. "JSON or CSV"; @param extensions e.g. "*.json" */
    Optional<Path> chooseFileToOpen(String title, String description, String... extensions);

    Optional<Path> chooseFileToSave(String title, String suggestedName, String description, String... extensions);
}
