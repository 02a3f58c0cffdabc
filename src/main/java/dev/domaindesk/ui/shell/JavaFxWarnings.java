package dev.domaindesk.ui.shell;

import java.util.logging.Logger;

/**
 * Silences one JavaFX warning at start-up: "Unsupported JavaFX configuration: classes were loaded from 'unnamed
 * module'". JavaFX says so whenever its classes come from the class path rather than the module path. DomainDesk
 * runs from the class path on purpose: its dependencies (dnsjava, jSPF, H2, Flyway ...) are not all modules, and
 * the same jar and lib/ serve the window, the command line and the packaged launcher. JavaFX works there (every test
 * of the window runs so); the warning only tells a user something they can do nothing about. Other JavaFX warnings
 * are kept.
 */
final class JavaFxWarnings {
    private static final String CLASS_PATH_WARNING = "Unsupported JavaFX configuration";
    // held here: java.util.logging keeps loggers weakly, and a collected logger would lose its filter
    private static final Logger JAVAFX = Logger.getLogger("javafx");

    private JavaFxWarnings() {
    }

    static void silenceClassPathWarning() {
        JAVAFX.setFilter(record -> record.getMessage() == null || !record.getMessage().startsWith(CLASS_PATH_WARNING));
    }
}
