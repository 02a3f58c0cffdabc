package dev.domaindesk.ui;

import java.util.concurrent.Executor;
import javafx.application.Platform;

/** Runs work on the JavaFX application thread (directly when already there). */
public final class FxExecutor implements Executor {
    @Override
    public void execute(Runnable command) {
        if (Platform.isFxApplicationThread()) {
            command.run();
        } else {
            Platform.runLater(command);
        }
    }
}
