package dev.domaindesk.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.Launcher;
import dev.domaindesk.app.AppContext;
import dev.domaindesk.app.BackgroundExecutors;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The real window as a client of the process that opened the store first ({@code serve}), which is then killed
 * with SIGKILL (decision 0011): the window carries on, and what a command adds afterwards still shows in it.
 */
@ExtendWith(ApplicationExtension.class)
class OwnerKilledFxTest {
    @TempDir
    Path dir;
    private AppContext ctx;
    private BackgroundExecutors executors;
    private Process serve;

    @Start
    void start(Stage stage) throws Exception {
        serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName(), "--data-dir",
                dir.resolve("data").toString(), "serve", "--port", "0")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String first = new java.io.BufferedReader(new java.io.InputStreamReader(serve.getInputStream(),
                StandardCharsets.UTF_8)).readLine();
        if (first == null || !first.startsWith("serving ")) {
            throw new IllegalStateException("serve did not start: " + first);
        }
        ctx = new AppContext(dir.resolve("data"), Clock.systemUTC());
        ctx.domains().add("first.test", null);
        executors = new BackgroundExecutors(2, 50);
        SharedStoreWindow.show(stage, ctx, executors);
    }

    @AfterEach
    void close() throws Exception {
        org.testfx.api.FxToolkit.cleanupStages();
        executors.close();
        ctx.close();
        serve.destroyForcibly();
    }

    private void command(String... args) throws Exception {
        SharedStoreWindow.command(dir.resolve("data"), args);
    }

    @Test
    void theWindowCarriesOnWhenTheProcessServingItsStoreIsKilled(FxRobot robot) throws Exception {
        SharedStoreWindow.within(20, "the window lists its domain", () -> SharedStoreWindow.listed(robot).equals(List.of("first.test")));
        command("add", "before-the-kill.test");
        SharedStoreWindow.within(6, "a command's domain shows", () -> SharedStoreWindow.listed(robot).contains("before-the-kill.test"));

        serve.destroyForcibly(); // SIGKILL: the owner of the file is gone, its lock file names a dead server
        assertTrue(serve.waitFor(30, TimeUnit.SECONDS));
        command("add", "after-the-kill.test");
        SharedStoreWindow.within(15, "a command's domain shows after the owner died (the file changed hands)",
                () -> SharedStoreWindow.listed(robot).contains("after-the-kill.test"));
        ctx.domains().add("from-the-window.test", null);
        assertEquals(4, ctx.domains().list().size(), "the window writes to the store it took over");
    }
}
