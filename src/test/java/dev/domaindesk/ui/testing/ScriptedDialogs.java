package dev.domaindesk.ui.testing;

import dev.domaindesk.ui.DialogService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Dialog answers given in advance; everything asked is recorded. */
public final class ScriptedDialogs implements DialogService {
    public boolean confirmAnswer;
    public Path fileAnswer;
    public final List<String> asked = new ArrayList<>();
    public final List<String> errors = new ArrayList<>();
    public final List<String> infos = new ArrayList<>();

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        asked.add(message);
        return confirmAnswer;
    }

    public final java.util.List<String> suggestedNames = new java.util.ArrayList<>();

    @Override
    public void error(String title, String message) {
        errors.add(message);
    }

    @Override
    public void info(String title, String message) {
        infos.add(message);
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, String description, String... extensions) {
        return Optional.ofNullable(fileAnswer);
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedName, String description, String... extensions) {
        suggestedNames.add(suggestedName);
        return Optional.ofNullable(fileAnswer);
    }
}
