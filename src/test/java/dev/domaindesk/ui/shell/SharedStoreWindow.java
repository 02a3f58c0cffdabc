package dev.domaindesk.ui.shell;

import static dev.domaindesk.ui.testing.FxCalls.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.domaindesk.Launcher;
import dev.domaindesk.app.AppContext;
import dev.domaindesk.app.BackgroundExecutors;
import dev.domaindesk.domains.ui.DomainRow;
import dev.domaindesk.ui.FxDialogService;
import dev.domaindesk.ui.FxExecutor;
import dev.domaindesk.ui.UiTasks;
import dev.domaindesk.ui.testing.TestDialogs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The real window on a data directory that command processes use at the same time, for the shared-store tests. */
final class SharedStoreWindow {
    private SharedStoreWindow() {
    }

    /** Shows the main window over {@code ctx} at 900×600 and starts it. */
    static void show(Stage stage, AppContext ctx, BackgroundExecutors executors) {
        MainWindow window = new MainWindow(stage, WindowComposition.from(ctx),
                new UiTasks(executors.io(), new FxExecutor()), executors.batchDelay(),
                new TestDialogs(new FxDialogService(stage)));
        stage.setScene(new Scene(window.root(), 900, 600));
        stage.show();
        window.start(null);
    }

    /** A command in its own process on {@code dataDir}; it must exit 0. */
    static void command(Path dataDir, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), Launcher.class.getName(),
                "--data-dir", dataDir.toString()));
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), err);
    }

    /** The names the domain list shows. */
    @SuppressWarnings("unchecked")
    static List<String> listed(FxRobot robot) {
        return fx(() -> ((ListView<DomainRow>) robot.lookup("#domainList").queryAs(ListView.class)).getItems().stream()
                .map(DomainRow::displayName).toList());
    }

    static void within(int seconds, String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("not within " + seconds + " s: " + what);
        }
    }
}
