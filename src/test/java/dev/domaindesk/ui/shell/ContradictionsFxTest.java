package dev.domaindesk.ui.shell;

import static dev.domaindesk.ui.testing.FxCalls.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.app.AppContext;
import dev.domaindesk.app.BackgroundExecutors;
import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.DomainStatus;
import dev.domaindesk.domains.DomainWithRecords;
import dev.domaindesk.domains.ui.DomainRow;
import dev.domaindesk.domains.ui.RecordRow;
import dev.domaindesk.settings.Settings;
import dev.domaindesk.testing.KnotServer;
import dev.domaindesk.ui.Badge;
import dev.domaindesk.ui.FxDialogService;
import dev.domaindesk.ui.FxExecutor;
import dev.domaindesk.ui.UiTasks;
import dev.domaindesk.ui.testing.TestStage;
import dev.domaindesk.ui.testing.ZoneText;
import dev.domaindesk.verification.CheckListener;
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
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.text.Text;
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
 * Issue 14 point 8, on the real window over a real store checked against a real Knot: one fact, one word. A verified
 * domain whose zone now answers SERVFAIL is listed as "DNS error", not verified, when the window opens; the header's "Last
 * checked" and the table's Checked say the same; no badge is cut, in either theme, at a larger font size too.
 */
@ExtendWith(ApplicationExtension.class)
class ContradictionsFxTest {
    @TempDir
    Path dir;
    private KnotServer knot;
    private AppContext ctx;
    private BackgroundExecutors executors;
    private Stage stage;
    private DomainWithRecords failing;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        ctx = new AppContext(dir.resolve("data"), Clock.systemUTC());
        failing = ctx.domains().add("servfail.test", "ses");
        ctx.domains().add("fine.test", "ses");
        String spf = "@ 300 IN TXT \"v=spf1 ip4:199.255.192.0/22 -all\"";
        try (KnotServer before = KnotServer.start(dir.resolve("knot-before"), Map.of(
                "servfail.test", ZoneText.of(failing.records(), Map.of()), "amazonses.com", spf))) {
            checkVia(before);
        }
        assertEquals(DomainStatus.VERIFIED, ctx.domains().require("servfail.test").status(), "verified first");
        // then its zone breaks: this server answers SERVFAIL for it (a zone file it cannot load)
        knot = KnotServer.start(dir.resolve("knot"), Map.of("amazonses.com", spf));
        knot.rawZone("servfail.test", "$ORIGIN servfail.test.\n@ SOA ns1 h 1 2 3 4 5\n_amazonses TXT \"unterminated\n",
                false);
        checkVia(knot);
        String id = ctx.domains().require("servfail.test").id();
        assertTrue(ctx.domains().records(id).stream().allMatch(r -> r.checkState() == CheckState.DNS_ERROR), "SERVFAIL");
        assertEquals(DomainStatus.VERIFIED, ctx.domains().require("servfail.test").status(),
                "a DNS error proves nothing, so the stored status stays");

        executors = new BackgroundExecutors(2, 50);
        MainWindow window = new MainWindow(stage, WindowComposition.from(ctx),
                new UiTasks(executors.io(), new FxExecutor()), executors.batchDelay(), new FxDialogService(stage));
        Scene scene = new Scene(window.root(), 1180, 740);
        scene.getStylesheets().add(DesktopApp.stylesheet());
        TestStage.show(stage, scene);
        window.start(failing.domain().id());
    }

    private void checkVia(KnotServer server) throws Exception {
        Settings settings = Settings.defaults().withResolvers(List.of("127.0.0.1:" + server.port()));
        ctx.settings().save(new Settings(settings.resolvers(), Duration.ofMillis(1000), 20, settings.verifiedCadence(),
                settings.failAfter(), settings.region(), settings.theme(), ""));
        List<String> ids = ctx.domains().list().stream().map(d -> d.id()).toList();
        ctx.checks().start(ids, ctx.checks().storedOptions(), CheckListener.NONE).done().get(60, TimeUnit.SECONDS);
    }

    @AfterEach
    void close() throws Exception {
        org.testfx.api.FxToolkit.cleanupStages();
        executors.close();
        ctx.close();
        knot.close();
    }

    private static void until(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(condition));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static TableView<RecordRow> table(FxRobot robot) {
        return (TableView<RecordRow>) robot.lookup("#records").queryAs(TableView.class);
    }

    private static String listBadge(FxRobot robot, String domain) {
        return fx(() -> robot.lookup(".domain-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> domain.equals(c.getText()))
                .map(c -> c.lookup(".badge") instanceof Label l ? l.getText() : "").findFirst().orElse(""));
    }

    @Test
    void aVerifiedDomainWhoseZoneAnswersServfailIsNotListedAsVerified(FxRobot robot) {
        until("the list shows servfail.test as DNS error",
                () -> listBadge(robot, "servfail.test").equals("DNS error"));
        until("the header says the same", () -> "DNS error".equals(
                robot.lookup("#domainBadge").queryAs(Label.class).getText()));
        assertEquals("Needs attention 2", fx(() -> robot.lookup("#filter-attention").queryAs(ToggleButton.class).getText()),
                "it needs attention (fine.test is pending)");
        assertEquals("Verified 0", fx(() -> robot.lookup("#filter-verified").queryAs(ToggleButton.class).getText()));
        until("its records show", () -> table(robot).getItems().size() == failing.records().size());
        assertTrue(fx(() -> table(robot).getItems().stream().allMatch(r -> r.badgeProperty().get() == Badge.DNS_ERROR)));

        // one "now" for the header and the table: both say "just now" about the same check
        String header = fx(() -> robot.lookup("#lastChecked").queryAs(Label.class).getText());
        assertEquals("Last checked just now", header);
        List<String> checked = fx(() -> robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.getTableColumn() != null && "Checked".equals(c.getTableColumn().getText())
                        && c.getTableRow() != null && !c.getTableRow().isEmpty())
                .map(c -> c.lookup(".text") instanceof Text t ? t.getText() : "").distinct().toList());
        assertEquals(List.of("just now"), checked);
    }

    /** Every badge shows its whole word in both themes, at the default font size and at 18 px. */
    @Test
    void noBadgeIsCutInEitherThemeOrAtALargerFont(FxRobot robot) {
        until("the records show", () -> table(robot).getItems().size() == failing.records().size());
        for (String theme : List.of("light", "dark")) {
            for (String size : List.of("13px", "18px")) {
                fx(() -> {
                    stage.getScene().getRoot().getStyleClass().remove("dark");
                    if (theme.equals("dark")) {
                        stage.getScene().getRoot().getStyleClass().add("dark");
                    }
                    stage.getScene().getRoot().setStyle("-fx-font-size: " + size + ";");
                    return null;
                });
                WaitForAsyncUtils.waitForFxEvents(6);
                String at = theme + " " + size + ": ";
                until(at + "the table fits its badges", () -> cutBadges(robot).isEmpty());
                assertEquals(List.of(), cutBadges(robot), at + "badges cut");
                assertEquals("DNS error", listBadge(robot, "servfail.test"), at);
                assertFalse(fx(() -> robot.lookup(".badge").queryAllAs(Label.class).stream().noneMatch(
                        l -> l.isVisible() && "couldn't check".equals(l.getText()))), at + "a couldn't check badge shows");
            }
        }
    }

    /** Visible badges whose label shows less than its word, or is narrower than it needs. */
    private static List<String> cutBadges(FxRobot robot) {
        return fx(() -> robot.lookup(".badge").queryAllAs(Label.class).stream()
                .filter(l -> l.isVisible() && l.getScene() != null && l.getText() != null && !l.getText().isEmpty())
                .filter(l -> l.lookup(".text") instanceof Text t && !t.getText().equals(l.getText())
                        || l.getWidth() + 0.5 < l.prefWidth(-1))
                .map(l -> l.getText() + " (" + l.getWidth() + " < " + l.prefWidth(-1) + ")").toList());
    }
}
