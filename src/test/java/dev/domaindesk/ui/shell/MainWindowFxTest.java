package dev.domaindesk.ui.shell;

import static dev.domaindesk.ui.testing.FxCalls.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.app.AppContext;
import dev.domaindesk.app.AppContextAccess;
import dev.domaindesk.app.BackgroundExecutors;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.DomainWithRecords;
import dev.domaindesk.domains.RecordType;
import dev.domaindesk.domains.ui.DomainRow;
import dev.domaindesk.domains.ui.RecordRow;
import dev.domaindesk.settings.Settings;
import dev.domaindesk.testing.KnotServer;
import dev.domaindesk.ui.Badge;
import dev.domaindesk.ui.FxDialogService;
import dev.domaindesk.ui.FxExecutor;
import dev.domaindesk.ui.UiTasks;
import dev.domaindesk.ui.testing.TestDialogs;
import dev.domaindesk.ui.testing.TestStage;
import dev.domaindesk.ui.testing.ZoneText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
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

/** The real window on a real H2 store, checking against a real Knot on loopback, driven headless by TestFX. */
@ExtendWith(ApplicationExtension.class)
class MainWindowFxTest {
    @TempDir
    static Path knotDir;
    static KnotServer knot;

    @TempDir
    Path dir;
    private AppContext ctx;
    private BackgroundExecutors executors;
    private TestDialogs dialogs;
    private DomainWithRecords good;
    private DomainWithRecords wrong;
    private DnsRecord wrongSpf;

    @BeforeAll
    static void startKnot() {
        knot = KnotServer.start(knotDir, Map.of("placeholder.test", "www 300 IN A 192.0.2.1",
                "amazonses.com", "@ 300 IN TXT \"v=spf1 ip4:199.255.192.0/22 -all\"",
                "mailgun.org", "@ 300 IN TXT \"v=spf1 ip4:198.61.254.0/23 ~all\""));
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
        good = ctx.domains().add("good.test", "ses");
        wrong = ctx.domains().add("wrong.test", "ses");
        wrongSpf = wrong.records().stream()
                .filter(r -> r.recordType() == RecordType.TXT && r.name().equals("wrong.test")).findFirst().orElseThrow();
        knot.zone("good.test", ZoneText.of(good.records(), Map.of()));
        knot.zone("wrong.test", ZoneText.of(wrong.records(), Map.of(wrongSpf.id(), "v=spf1 include:mailgun.org ~all")));

        executors = new BackgroundExecutors(2, 50);
        dialogs = new TestDialogs(new FxDialogService(stage));
        MainWindow window = new MainWindow(stage, WindowComposition.from(ctx),
                new UiTasks(executors.io(), new FxExecutor()), executors.batchDelay(), dialogs);
        Scene scene = new Scene(window.root(), 1100, 720);
        scene.getStylesheets().add(DesktopApp.stylesheet());
        stage.setTitle("DomainDesk");
        TestStage.show(stage, scene);
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
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(condition));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what);
        }
    }

    @SuppressWarnings("unchecked")
    private static TableView<RecordRow> table(FxRobot robot) {
        return (TableView<RecordRow>) robot.lookup("#records").queryAs(TableView.class);
    }

    @SuppressWarnings("unchecked")
    private static ListView<DomainRow> list(FxRobot robot) {
        return (ListView<DomainRow>) robot.lookup("#domainList").queryAs(ListView.class);
    }

    private static List<String> visibleDomains(FxRobot robot) {
        return fx(() -> list(robot).getItems().stream().map(DomainRow::displayName).toList());
    }

    private void select(FxRobot robot, String domain) {
        until("the list shows " + domain, () -> list(robot).getItems().stream().anyMatch(r -> r.displayName().equals(domain)));
        robot.clickOn(robot.lookup(".domain-cell").match((ListCell<?> c) -> domain.equals(c.getText())).queryAs(ListCell.class));
        until("the records of " + domain + " show", () -> !table(robot).getItems().isEmpty()
                && table(robot).getItems().get(0).name().endsWith(domain));
    }

    /** The records table's row showing item {@code index} (a virtual flow reuses its cells, in no fixed order). */
    private static Node rowCell(FxRobot robot, int index) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.from(table(robot)).lookup(".table-row-cell")
                .match((javafx.scene.control.TableRow<?> r) -> r.getIndex() == index && r.getItem() != null).query();
    }

    private static List<Badge> badges(FxRobot robot) {
        return fx(() -> table(robot).getItems().stream().map(r -> r.badgeProperty().get()).toList());
    }

    @Test
    void addADomainAndSeeItsRecords(FxRobot robot) {
        until("domains are listed", () -> list(robot).getItems().size() == 2);
        robot.clickOn("#domainList").press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        robot.clickOn("#newDomainName").write("https://new.example.com/");
        until("the parser's message shows", () -> robot.lookup("#addMessage").queryAs(Label.class).getText()
                .contains("did you mean 'new.example.com'?"));
        assertTrue(fx(() -> robot.lookup("#addButton").queryButton().isDisabled()));
        Label message = robot.lookup("#addMessage").queryAs(Label.class);
        assertTrue(fx(() -> message.getStyleClass().contains("field-error")), "the refusal is red");
        assertTrue(fx(() -> message.getHeight() >= message.prefHeight(message.getWidth()) - 0.5),
                "the whole message shows, 'did you mean' included");
        Label records = robot.lookup(".label").match((Label l) -> "Records".equals(l.getText())).queryAs(Label.class);
        assertTrue(fx(() -> records.getWidth() >= records.prefWidth(-1) - 0.5), "'Records' is not cut to 'Reco…'");
        robot.clickOn("#newDomainName").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .write("new.example.com");
        until("Add is enabled", () -> !robot.lookup("#addButton").queryButton().isDisabled());
        robot.clickOn("#addButton");

        until("the new domain's records show", () -> table(robot).getItems().size() == 9
                && table(robot).getItems().stream().anyMatch(r -> r.name().equals("_dmarc.new.example.com")));
        assertEquals(3, visibleDomains(robot).size());
        assertEquals("new.example.com", fx(() -> list(robot).getSelectionModel().getSelectedItem().displayName()));
        assertEquals(9, AppContextAccess.repository(ctx).recordsOf(ctx.domains().require("new.example.com").id()).size());
        assertTrue(badges(robot).stream().allMatch(b -> b == Badge.PENDING));
    }

    @Test
    void copyAValueAndReadTheSystemClipboard(FxRobot robot) {
        select(robot, "good.test");
        int mxRow = fx(() -> {
            List<RecordRow> rows = table(robot).getItems();
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).record().recordType() == RecordType.MX && rows.get(i).name().equals("mail.good.test")) {
                    return i;
                }
            }
            return -1;
        });
        fx(() -> { // the names wrap after their dots, so rows are taller: bring the MX row into view
            table(robot).scrollTo(mxRow);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents(4);
        Node copyValue = robot.lookup(".copy-value").match((Node n) -> rowOf(n) == mxRow && shown(n)).query();
        // the button's own action (a robot click missed it at random once names wrapped after their dots: taller rows)
        fx(() -> {
            ((javafx.scene.control.ButtonBase) copyValue).fire();
            return null;
        });
        assertEquals("feedback-smtp.us-east-1.amazonses.com", fx(() -> Clipboard.getSystemClipboard().getString()));
        assertEquals("Copied value of mail", robot.lookup("#copyFeedback").queryAs(Label.class).getText());

        fx(() -> {
            table(robot).scrollTo(0);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents(4);
        Node copyHost = robot.lookup(".copy-host").match((Node n) -> rowOf(n) == 0 && shown(n)).query();
        fx(() -> {
            ((javafx.scene.control.ButtonBase) copyHost).fire();
            return null;
        });
        assertEquals("_amazonses", fx(() -> Clipboard.getSystemClipboard().getString()));

        robot.clickOn(rowCell(robot, mxRow));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C).release(KeyCode.C, KeyCode.SHIFT, KeyCode.CONTROL);
        assertEquals("mail.good.test", fx(() -> Clipboard.getSystemClipboard().getString()));
        robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
        assertEquals("feedback-smtp.us-east-1.amazonses.com", fx(() -> Clipboard.getSystemClipboard().getString()));
    }

    /** Keyboard only: focusing the table selects a row, then Ctrl+C, Ctrl+Shift+C and Ctrl+Alt+C copy from it. */
    @Test
    void theTableWorksWithoutTheMouse(FxRobot robot) {
        select(robot, "good.test");
        fx(() -> {
            table(robot).requestFocus();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, fx(() -> table(robot).getSelectionModel().getSelectedIndex()), "focus selects the first row");
        robot.press(KeyCode.CONTROL, KeyCode.ALT, KeyCode.C).release(KeyCode.C, KeyCode.ALT, KeyCode.CONTROL);
        assertEquals("_amazonses", fx(() -> Clipboard.getSystemClipboard().getString()));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C).release(KeyCode.C, KeyCode.SHIFT, KeyCode.CONTROL);
        assertEquals("_amazonses.good.test", fx(() -> Clipboard.getSystemClipboard().getString()));
    }

    /** Shown: it and every parent visible (the table keeps spare cells, hidden, for reuse). */
    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static int rowOf(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p instanceof TableCell<?, ?> cell) {
                return cell.getTableRow() == null || cell.getTableRow().isEmpty() ? -1 : cell.getIndex();
            }
        }
        return -1;
    }

    @Test
    void checkNowAgainstKnotTurnsPendingBadgesVerified(FxRobot robot) {
        select(robot, "good.test");
        assertTrue(badges(robot).stream().allMatch(b -> b == Badge.PENDING));
        assertEquals("0 of 9 required records verified", robot.lookup("#verifiedSummary").queryAs(Label.class).getText());
        Region statusBar = robot.lookup(".status-bar").queryAs(Region.class);
        List<Double> heights = new CopyOnWriteArrayList<>();
        AtomicBoolean cancelShown = new AtomicBoolean();
        fx(() -> {
            statusBar.heightProperty().addListener((obs, old, h) -> heights.add(h.doubleValue()));
            robot.lookup("#cancelCheck").query().visibleProperty().addListener((obs, old, shown) -> cancelShown.compareAndSet(false, shown));
            return null;
        });
        robot.clickOn("#checkNow");
        until("every badge is verified", () -> badges(robot).stream().allMatch(b -> b == Badge.VERIFIED));
        until("the domain is verified", () -> "verified".equals(robot.lookup("#domainBadge").queryAs(Label.class).getText()));
        assertEquals("9 of 9 required records verified", robot.lookup("#verifiedSummary").queryAs(Label.class).getText());
        until("Check now is enabled again", () -> !robot.lookup("#checkNow").queryButton().isDisabled());
        assertEquals("Check now", robot.lookup("#checkNow").queryButton().getText(), "it said Checking… while it ran");
        assertTrue(cancelShown.get(), "Cancel showed in the status bar while the check ran");
        assertEquals(List.of(), heights, "the status bar kept its height (a change relays out and repaints the window)");
        assertTrue(fx(() -> list(robot).getItems().stream().filter(r -> r.displayName().equals("good.test"))
                .allMatch(r -> r.status().wire().equals("verified"))));
    }

    /** Issue 14 point 7: check all ends with what it did per domain, and a part of that filters the list. */
    @Test
    void checkAllEndsWithASummaryWhosePartsFilterTheList(FxRobot robot) {
        select(robot, "good.test");
        Region statusBar = robot.lookup(".status-bar").queryAs(Region.class);
        List<Double> heights = new CopyOnWriteArrayList<>();
        fx(() -> {
            statusBar.heightProperty().addListener((obs, old, h) -> heights.add(h.doubleValue()));
            return null;
        });
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F5).release(KeyCode.F5, KeyCode.SHIFT, KeyCode.CONTROL);
        until("the summary shows", () -> robot.lookup("#summary-newly-verified").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        String activity = robot.lookup("#activity").queryAs(Label.class).getText();
        assertTrue(activity.matches("Check finished at \\d\\d:\\d\\d: 2 domains, 18 records:"), activity);
        List<String> parts = fx(() -> robot.lookup(".summary-part").queryAll().stream()
                .map(n -> ((javafx.scene.control.Hyperlink) n).getText()).toList());
        assertEquals(List.of("1 newly verified", "0 newly broken", "0 couldn't check", "1 unchanged"), parts);
        assertTrue(fx(() -> robot.lookup("#summary-newly-broken").query().isDisabled()), "nothing to show for 0");

        // the run's desktop notification ("good.test is verified") pops up over the window's bottom right for 6 s
        until("the notification is gone", () -> javafx.stage.Window.getWindows().stream().filter(javafx.stage.Window::isShowing)
                .count() == 1);
        // from the keyboard: the link takes the focus and Space follows it
        fx(() -> {
            robot.lookup("#summary-unchanged").query().requestFocus();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.SPACE);
        until("the list shows the unchanged domain alone", () -> visibleDomains(robot).equals(List.of("wrong.test")));
        assertEquals("Last check: unchanged 1", robot.lookup("#outcomeFilter").queryAs(Label.class).getText());
        robot.clickOn("#outcomeFilterClear");
        until("the list shows every domain again", () -> visibleDomains(robot).size() == 2);
        assertFalse(fx(() -> robot.lookup("#outcomeFilter").query().getParent().isVisible()));
        assertEquals(List.of(), heights, "the status bar kept its height when the summary came");
    }

    @Test
    void aMismatchShowsExpectedFoundAndItsDiagnosis(FxRobot robot) {
        select(robot, "wrong.test");
        robot.type(KeyCode.F5);
        until("the check finished", () -> badges(robot).stream().noneMatch(b -> b == Badge.PENDING || b == Badge.CHECKING));
        int spfRow = fx(() -> table(robot).getItems().stream().map(RecordRow::id).toList().indexOf(wrongSpf.id()));
        assertEquals(Badge.MISMATCH, badges(robot).get(spfRow));
        robot.clickOn(rowCell(robot, spfRow));

        String expected = robot.lookup("#detailExpected").queryAs(javafx.scene.control.TextInputControl.class).getText();
        String found = robot.lookup("#detailFound").queryAs(javafx.scene.control.TextInputControl.class).getText();
        assertTrue(expected.contains("v=spf1 include:amazonses.com ~all"), expected);
        assertTrue(found.contains("v=spf1 include:mailgun.org ~all"), found);
        DnsRecord stored = AppContextAccess.repository(ctx).recordsOf(wrong.domain().id()).stream()
                .filter(r -> r.id().equals(wrongSpf.id())).findFirst().orElseThrow();
        assertFalse(stored.diagnoses().isEmpty());
        List<String> shown = fx(() -> robot.lookup("#detailDiagnoses").queryAs(VBox.class).getChildren().stream()
                .map(n -> ((javafx.scene.control.TextInputControl) n).getText()).toList());
        assertTrue(shown.stream().anyMatch(s -> s.endsWith(stored.diagnoses().get(0).message())), shown.toString());
        assertEquals("wrong.test", ctx.domains().require("wrong.test").name().ascii());
        assertTrue(fx(() -> list(robot).getItems().stream().filter(r -> r.displayName().equals("wrong.test"))
                .noneMatch(r -> r.status().wire().equals("verified"))));
    }

    @Test
    void searchFiltersAsYouType(FxRobot robot) {
        until("domains are listed", () -> list(robot).getItems().size() == 2);
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        robot.write("wro");
        until("only wrong.test is listed", () -> visibleDomains(robot).equals(List.of("wrong.test")));
        robot.write("x");
        until("nothing is listed", () -> visibleDomains(robot).isEmpty());
        robot.type(KeyCode.BACK_SPACE, 4);
        until("both are listed again", () -> visibleDomains(robot).size() == 2);
    }

    @Test
    void removeAsksFirstNamingTheDomainAndItsRecordCount(FxRobot robot) {
        select(robot, "good.test");
        robot.clickOn(robot.lookup(".domain-cell").match((ListCell<?> c) -> "good.test".equals(c.getText())).queryAs(ListCell.class));
        robot.type(KeyCode.DELETE);
        until("the confirmation shows", () -> robot.lookup("#confirmDialog").tryQuery().isPresent());
        String message = robot.lookup("#dialogMessage").queryAs(javafx.scene.control.TextInputControl.class).getText();
        assertTrue(message.contains("good.test and its 9 DNS records"), message);
        robot.clickOn("Cancel");
        assertTrue(ctx.domains().find("good.test").isPresent());
        assertEquals(2, visibleDomains(robot).size());

        robot.type(KeyCode.DELETE);
        until("the confirmation shows again", () -> robot.lookup("#confirmDialog").tryQuery().isPresent());
        robot.clickOn("Remove good.test");
        until("good.test left the list", () -> visibleDomains(robot).equals(List.of("wrong.test")));
        assertTrue(ctx.domains().find("good.test").isEmpty());
    }

    @Test
    void aBadImportShowsAnErrorAndChangesNothing(FxRobot robot) throws Exception {
        until("domains are listed", () -> list(robot).getItems().size() == 2);
        Path bad = dir.resolve("broken.json");
        Files.writeString(bad, "[{\"domainId\": \"dom_x\", \"domain\": \"ok.example\", \"records\": [{\"recordType\": \"SRV\"}]}]");
        dialogs.file = bad;
        robot.clickOn("#menuTransfer").clickOn("Import JSON…");
        until("the error shows", () -> robot.lookup("#errorDialog").tryQuery().isPresent());
        String message = robot.lookup("#dialogMessage").queryAs(javafx.scene.control.TextInputControl.class).getText();
        assertTrue(message.contains("broken.json") && message.contains("nothing was imported"), message);
        robot.clickOn("OK");
        assertEquals(2, ctx.domains().list().size());
        assertEquals(List.of("good.test", "wrong.test"), visibleDomains(robot));
    }

    /** Issue 14 point 9: the provider's hint is advice to read, and does not pose as a link that does nothing. */
    @Test
    void theProviderHintDoesNotLookLikeALink(FxRobot robot) {
        select(robot, "good.test");
        until("the provider was looked up", () -> !robot.lookup("#provider").queryAs(Label.class).getText()
                .endsWith("looking up…"));
        javafx.scene.control.Labeled hint = robot.lookup("#providerHint").queryAs(javafx.scene.control.Labeled.class);
        assertFalse(hint instanceof javafx.scene.control.Hyperlink || hint instanceof javafx.scene.control.ButtonBase,
                "not a link or button");
        assertFalse(fx(hint::isUnderline), "not underlined");
        assertTrue(fx(() -> hint.getCursor() == null || hint.getCursor() == javafx.scene.Cursor.DEFAULT), "no hand");
        assertFalse(fx(() -> hint.getTextFill().equals(javafx.scene.paint.Color.web("#0969da"))), "not the link colour");
    }

    /** Issue 14 point 9: an import error about a file with a long path wraps inside a dialog no wider than the window. */
    @Test
    void anImportErrorWithALongPathStaysNarrowerThanTheWindowAndShowsWhole(FxRobot robot) throws Exception {
        until("domains are listed", () -> list(robot).getItems().size() == 2);
        fx(() -> {
            list(robot).getScene().getWindow().setWidth(560); // a narrow window: the dialog must still fit inside
            return null;
        });
        Path deep = Files.createDirectories(dir.resolve("exports-from-the-service-" + "x".repeat(120)).resolve("2026-12"));
        Path bad = deep.resolve("domains-with-an-unusually-long-file-name-for-an-export.json");
        Files.writeString(bad, "[{\"domainId\": \"dom_x\", \"domain\": \"ok.example\", \"records\": [{\"recordType\": \"SRV\"}]}]");
        dialogs.file = bad;
        robot.clickOn("#menuTransfer").clickOn("Import JSON…");
        until("the error shows", () -> robot.lookup("#errorDialog").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents(4);
        javafx.scene.control.TextInputControl message = robot.lookup("#dialogMessage")
                .queryAs(javafx.scene.control.TextInputControl.class);
        double dialogWidth = fx(() -> message.getScene().getWindow().getWidth());
        double windowWidth = fx(() -> list(robot).getScene().getWindow().getWidth());
        assertTrue(dialogWidth <= windowWidth, "the dialog (" + dialogWidth + ") is no wider than the window (" + windowWidth + ")");
        assertTrue(fx(() -> message.getText()).contains(bad.getFileName().toString()), "the whole path, selectable");
        assertTrue(fx(() -> message.getHeight() >= message.prefHeight(message.getWidth()) - 0.5), "all its lines show");
        robot.clickOn("OK");
    }
}
