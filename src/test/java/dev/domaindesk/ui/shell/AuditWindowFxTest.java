package dev.domaindesk.ui.shell;

import static dev.domaindesk.ui.testing.FxCalls.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.app.AppContext;
import dev.domaindesk.app.BackgroundExecutors;
import dev.domaindesk.domains.DomainWithRecords;
import dev.domaindesk.settings.Settings;
import dev.domaindesk.testing.KnotServer;
import dev.domaindesk.ui.FxDialogService;
import dev.domaindesk.ui.FxExecutor;
import dev.domaindesk.ui.UiTasks;
import dev.domaindesk.ui.testing.ZoneText;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window: Check now on a domain served by a real Knot brings the domain's audit into its pane. */
@ExtendWith(ApplicationExtension.class)
class AuditWindowFxTest {
    @TempDir
    static Path knotDir;
    static KnotServer knot;

    @TempDir
    Path dir;
    private AppContext ctx;
    private BackgroundExecutors executors;

    @BeforeAll
    static void startKnot() {
        knot = KnotServer.start(knotDir, Map.of("amazonses.com", "@ 300 IN TXT \"v=spf1 ip4:199.255.192.0/22 -all\""));
    }

    @AfterAll
    static void stopKnot() {
        knot.close();
    }

    @Start
    void start(Stage stage) {
        ctx = new AppContext(dir.resolve("data"), Clock.systemUTC());
        Settings settings = Settings.defaults().withResolvers(List.of("127.0.0.1:" + knot.port()));
        ctx.settings().save(new Settings(settings.resolvers(), Duration.ofMillis(1000), 20, settings.verifiedCadence(),
                settings.failAfter(), settings.region(), settings.theme(), ""));
        DomainWithRecords good = ctx.domains().add("good.test", "ses");
        knot.zone("good.test", ZoneText.of(good.records(), Map.of()));
        executors = new BackgroundExecutors(2, 50);
        MainWindow window = new MainWindow(stage, WindowComposition.from(ctx),
                new UiTasks(executors.io(), new FxExecutor()), executors.batchDelay(), new FxDialogService(stage));
        Scene scene = new Scene(window.root(), 1100, 800);
        scene.getStylesheets().add(DesktopApp.stylesheet());
        stage.setScene(scene);
        stage.show();
        window.start(null);
    }

    @AfterEach
    void close() throws Exception {
        org.testfx.api.FxToolkit.cleanupStages();
        executors.close();
        ctx.close();
    }

    private static void until(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(condition));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what);
        }
    }

    @Test
    void checkNowShowsTheDomainsChecklist(FxRobot robot) {
        until("the list shows good.test", () -> robot.lookup(".domain-cell")
                .match((ListCell<?> c) -> "good.test".equals(c.getText())).tryQuery().isPresent());
        robot.clickOn(robot.lookup(".domain-cell").match((ListCell<?> c) -> "good.test".equals(c.getText()))
                .queryAs(ListCell.class));
        until("the pane says it was never audited", () -> robot.lookup("#auditPane").queryAs(TitledPane.class)
                .getText().equals("Deliverability: not audited yet"));

        robot.clickOn("#checkNow");
        until("the audit follows the check", () -> robot.lookup("#auditPane").queryAs(TitledPane.class)
                .getText().startsWith("Sender requirements:"));
        // the ses profile's zone: SPF and DMARC p=none verified; its DKIM targets are at amazonses.com, without keys
        assertEquals("pass", robot.lookup("#auditMark-spf").queryAs(Label.class).getText());
        assertEquals("pass", robot.lookup("#auditMark-dmarc").queryAs(Label.class).getText());
        assertEquals("fail", robot.lookup("#auditMark-dkim").queryAs(Label.class).getText());
        assertEquals("not in DNS", robot.lookup("#auditMark-ptr").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#auditDnssec").queryAs(Label.class).getText().startsWith("DNSSEC: "));
        assertTrue(ctx.audits().latest(ctx.domains().find("good.test").orElseThrow().id()).isPresent(), "stored");
    }
}
