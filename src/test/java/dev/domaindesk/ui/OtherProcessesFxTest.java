package dev.domaindesk.ui;

import static dev.domaindesk.ui.testing.FxCalls.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.domaindesk.Launcher;
import dev.domaindesk.app.AppContext;
import dev.domaindesk.app.BackgroundExecutors;
import dev.domaindesk.domains.ui.DomainRow;
import dev.domaindesk.ui.testing.TestDialogs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window on a store that command processes change at the same time (decision 0011): what they add and
 * remove shows in the open window within a few seconds, without a restart.
 */
@ExtendWith(ApplicationExtension.class)
class OtherProcessesFxTest {
    @TempDir
    Path dir;
    private AppContext ctx;
    private BackgroundExecutors executors;

    @Start
    void start(Stage stage) {
        ctx = new AppContext(dir.resolve("data"), Clock.systemUTC());
        ctx.domains().add("first.test", null);
        executors = new BackgroundExecutors(2, 50);
        MainWindow window = new MainWindow(stage, WindowComposition.from(ctx, executors.io()),
                new UiTasks(executors.io(), new FxExecutor()), executors.batchDelay(),
                new TestDialogs(new FxDialogService(stage)));
        stage.setScene(new Scene(window.root(), 900, 600));
        stage.show();
        window.start(null);
    }

    @AfterEach
    void close() throws Exception {
        org.testfx.api.FxToolkit.cleanupStages();
        executors.close();
        ctx.close();
    }

    /** A command in its own process on the window's data directory. */
    private void command(String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), Launcher.class.getName(),
                "--data-dir", dir.resolve("data").toString()));
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), err);
    }

    @SuppressWarnings("unchecked")
    private static List<String> listed(FxRobot robot) {
        return fx(() -> ((ListView<DomainRow>) robot.lookup("#domainList").queryAs(ListView.class)).getItems().stream()
                .map(DomainRow::displayName).toList());
    }

    private static void within(int seconds, String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("not within " + seconds + " s: " + what);
        }
    }

    @Test
    void domainsAddedAndRemovedByACommandShowInTheOpenWindow(FxRobot robot) throws Exception {
        within(20, "the window lists its domain", () -> listed(robot).equals(List.of("first.test")));
        command("add", "from-a-command.test");
        within(6, "the command's domain shows (the change counter is read every 2 s)",
                () -> listed(robot).contains("from-a-command.test"));
        command("remove", "first.test");
        within(6, "the removed domain goes", () -> listed(robot).equals(List.of("from-a-command.test")));
    }
}
