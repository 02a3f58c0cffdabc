package dev.domaindesk.ui.shell;

import dev.domaindesk.app.AppContext;
import dev.domaindesk.app.BackgroundExecutors;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

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
        SharedStoreWindow.show(stage, ctx, executors);
    }

    @AfterEach
    void close() throws Exception {
        org.testfx.api.FxToolkit.cleanupStages();
        executors.close();
        ctx.close();
    }

    private void command(String... args) throws Exception {
        SharedStoreWindow.command(dir.resolve("data"), args);
    }

    @Test
    void domainsAddedAndRemovedByACommandShowInTheOpenWindow(FxRobot robot) throws Exception {
        SharedStoreWindow.within(20, "the window lists its domain", () -> SharedStoreWindow.listed(robot).equals(List.of("first.test")));
        command("add", "from-a-command.test");
        SharedStoreWindow.within(6, "the command's domain shows (the change counter is read every 2 s)",
                () -> SharedStoreWindow.listed(robot).contains("from-a-command.test"));
        command("remove", "first.test");
        SharedStoreWindow.within(6, "the removed domain goes", () -> SharedStoreWindow.listed(robot).equals(List.of("from-a-command.test")));
    }
}
