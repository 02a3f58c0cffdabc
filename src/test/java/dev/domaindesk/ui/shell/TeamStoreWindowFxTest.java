package dev.domaindesk.ui.shell;

import dev.domaindesk.app.AppContext;
import dev.domaindesk.app.BackgroundExecutors;
import dev.domaindesk.store.StoreCredentials;
import dev.domaindesk.store.StoreLocation;
import dev.domaindesk.testing.PostgresCluster;
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
 * The real window on a team's PostgreSQL store (decision 0015) while commands from another machine's data directory
 * change it: what they add and remove shows in the open window within a few seconds, as on the embedded store.
 */
@ExtendWith(ApplicationExtension.class)
class TeamStoreWindowFxTest {
    @TempDir
    Path dir;
    private String url;
    private AppContext ctx;
    private BackgroundExecutors executors;

    @Start
    void start(Stage stage) {
        url = PostgresCluster.shared().newDatabase();
        ctx = new AppContext(dir.resolve("window"), StoreLocation.of(url), StoreCredentials.none(), Clock.systemUTC());
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

    @Test
    void domainsAddedAndRemovedFromAnotherMachineShowInTheOpenWindow(FxRobot robot) throws Exception {
        SharedStoreWindow.within(20, "the window lists its domain",
                () -> SharedStoreWindow.listed(robot).equals(List.of("first.test")));
        Path otherMachine = dir.resolve("other");
        SharedStoreWindow.command(otherMachine, "--store", url, "add", "from-a-teammate.test");
        SharedStoreWindow.within(6, "the teammate's domain shows (the change counter is read every 2 s)",
                () -> SharedStoreWindow.listed(robot).contains("from-a-teammate.test"));
        SharedStoreWindow.command(otherMachine, "--store", url, "remove", "first.test");
        SharedStoreWindow.within(6, "the removed domain goes",
                () -> SharedStoreWindow.listed(robot).equals(List.of("from-a-teammate.test")));
    }
}
