package dev.domaindesk.ui.testing;

import dev.domaindesk.ui.DialogService;
import java.nio.file.Path;
import java.util.Optional;

/** Real dialogs for questions and errors; file choosers (native, not drivable headless) answer a scripted path. */
public final class TestDialogs implements DialogService {
    private final DialogService real;
    public volatile Path file;

    public TestDialogs(DialogService real) {
        this.real = real;
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        return real.confirm(title, message, confirmLabel);
    }

    @Override
    public void error(String title, String message) {
        real.error(title, message);
    }

    @Override
    public void info(String title, String message) {
        real.info(title, message);
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, String description, String... extensions) {
        return Optional.ofNullable(file);
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedName, String description, String... extensions) {
        return Optional.ofNullable(file);
    }
}
