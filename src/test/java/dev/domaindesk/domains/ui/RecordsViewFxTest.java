package dev.domaindesk.domains.ui;

import static dev.domaindesk.ui.testing.FxCalls.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.DomainWithRecords;
import dev.domaindesk.ui.AppState;
import dev.domaindesk.ui.BadgeLabel;
import dev.domaindesk.ui.CellText;
import dev.domaindesk.ui.CheckFeed;
import dev.domaindesk.ui.shell.DesktopApp;
import dev.domaindesk.ui.RelativeTime;
import dev.domaindesk.ui.UiTasks;
import dev.domaindesk.ui.testing.Fixtures;
import java.util.Collections;
import java.util.List;
import javafx.scene.AccessibleAttribute;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The records table on a real (headless) scene: a check's start and its results change badges and texts in place,
 * without asking the table's rows to lay out again. A request that climbs to the table's rows makes the table re-index and re-fill every cell of every row (copy
 * buttons, tooltips, texts), which on a check's first frames held the FX thread for tens of milliseconds.
 */
@ExtendWith(ApplicationExtension.class)
class RecordsViewFxTest {
    private final Fixtures f = new Fixtures();
    private final CheckFeed feed = new CheckFeed();
    private final List<String> copied = new java.util.concurrent.CopyOnWriteArrayList<>();
    private DomainWithRecords example;
    private TableView<RecordRow> table;

    @Start
    void start(Stage stage) {
        example = f.add("example.com");
        AppState state = new AppState();
        SelectedDomain selected = new SelectedDomain(f.domains, UiTasks.synchronous(), state, feed);
        RecordsViewModel vm = new RecordsViewModel(selected, feed, copied::add);
        state.selectedDomainIdProperty().set(example.domain().id());
        RecordsView view = new RecordsView(vm, f.clock);
        table = view.table();
        Scene scene = new Scene(view, 1100, 760); // every row shown: the tests count them
        scene.getStylesheets().add(DesktopApp.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    private List<BadgeLabel> badges(FxRobot robot) {
        return robot.lookup(".badge").match(Node::isVisible).queryAllAs(BadgeLabel.class).stream()
                .filter(b -> isInside(b, table)).toList();
    }

    private static boolean isInside(Node node, Parent ancestor) {
        for (Parent p = node.getParent(); p != null; p = p.getParent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    /**
     * FX thread, before the next pulse: true when a shown row or one of its cells must lay out its children again
     * (the table's flow then re-indexes every row). The flow's own flag says nothing: its hidden measuring row keeps
     * it set after every pulse.
     */
    private boolean rowsNeedLayout() {
        List<Parent> shown = table.lookupAll(".table-row-cell").stream()
                .filter(row -> row.getParent().getStyleClass().contains("sheet")).map(Parent.class::cast).toList();
        assertFalse(shown.isEmpty());
        return shown.stream().anyMatch(row -> row.isNeedsLayout() || row.getParent().isNeedsLayout()
                || row.getChildrenUnmodifiable().stream().anyMatch(cell -> ((Parent) cell).isNeedsLayout()));
    }

    @Test
    void aCheckStartingAndItsResultsChangeTheBadgesWithoutLayingOutTheTableAgain(FxRobot robot) throws Exception {
        // settled first: fitting the columns to the styled font and wrapping the names takes a few pulses
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> !fx(this::rowsNeedLayout));
        int records = example.records().size();
        assertEquals(records, badges(robot).size());
        assertFalse(fx(this::rowsNeedLayout));

        assertFalse(fx(() -> {
            feed.startChecking(List.of(example.domain().id()));
            return rowsNeedLayout();
        }), "the badges' new word asks no row to lay out again");
        WaitForAsyncUtils.waitForFxEvents();
        List<BadgeLabel> checking = badges(robot);
        assertEquals(records, checking.size());
        for (BadgeLabel badge : checking) {
            assertEquals("checking", fx(badge::getText));
            assertFullyShown(badge);
        }
        assertEquals(Collections.nCopies(records, "status checking"), spoken("Status"), "what a screen reader hears");

        DnsRecord broken = Fixtures.checked(example.records().get(0), CheckState.DNS_ERROR, List.of(), Fixtures.NOW);
        assertFalse(fx(() -> {
            feed.publish(List.of(), List.of(broken));
            feed.stopChecking();
            return rowsNeedLayout();
        }), "results too");
        WaitForAsyncUtils.waitForFxEvents();
        List<String> words = badges(robot).stream().map(b -> fx(b::getText)).toList();
        assertTrue(words.contains("couldn't check"), words.toString());
        List<String> texts = fx(() -> table.lookupAll(".cell-text").stream().map(n -> ((CellText) n).getText()).toList());
        assertTrue(texts.contains(RelativeTime.ago(Fixtures.NOW, f.clock.instant())), "the Checked column shows the result: " + texts);
        assertTrue(texts.contains("never"), texts.toString());
        assertTrue(spoken("Checked").contains(RelativeTime.ago(Fixtures.NOW, f.clock.instant())), spoken("Checked").toString());
        assertTrue(spoken("Type").contains("TXT"), spoken("Type").toString());
        badges(robot).forEach(RecordsViewFxTest::assertFullyShown);
    }

    /** Until a check has learnt the domain's zone, "host" is relative to the domain: a note beside it says so. */
    @Test
    void aNoteBesideHostSaysTheZoneIsNotKnownUntilACheckLearnsIt(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        List<javafx.scene.control.Label> notes = robot.lookup(".host-note").queryAllAs(javafx.scene.control.Label.class)
                .stream().filter(n -> isInside(n, table) && fx(n::isVisible)).toList();
        assertEquals(example.records().size(), notes.size());
        assertTrue(fx(() -> notes.get(0).getTooltip().getText()).contains("relative to example.com"));
        assertTrue(fx(() -> notes.get(0).getParent().getChildrenUnmodifiable().stream()
                .anyMatch(n -> n.getStyleClass().contains("copy-host"))), "beside the host button");

        fx(() -> {
            feed.publish(List.of(example.domain().withZone(new dev.domaindesk.domains.DomainName("example.com"))), List.of());
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup(".host-note").queryAll().stream().filter(n -> isInside(n, table)).noneMatch(n -> fx(n::isVisible)));
    }

    /** What DNS returned and the diagnoses can be selected; MULTIPLE_SPF's merged record has its own copy button. */
    @Test
    void theDetailsAreSelectableAndTheMergedSpfHasItsOwnCopyButton(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        DnsRecord spf = example.records().stream().filter(r -> r.name().equals("example.com")
                && r.value().startsWith("v=spf1")).findFirst().orElseThrow();
        String merged = "v=spf1 include:amazonses.com include:mailgun.org ~all";
        List<String> found = List.of("v=spf1 include:amazonses.com ~all", "v=spf1 include:mailgun.org ~all");
        fx(() -> {
            feed.publish(List.of(), List.of(Fixtures.checked(spf, CheckState.MISMATCH, found, Fixtures.NOW,
                    dev.domaindesk.verification.rules.Diagnoses.multipleSpf("example.com", found, merged))));
            table.getSelectionModel().select(table.getItems().stream().filter(r -> r.id().equals(spf.id())).findFirst().orElseThrow());
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TextInputControl foundText = robot.lookup("#detailFound").queryAs(javafx.scene.control.TextInputControl.class);
        assertEquals(String.join("\n", found), fx(() -> {
            foundText.selectAll();
            return foundText.getSelectedText();
        }), "what DNS returned is selectable text");
        assertFalse(fx(foundText::isEditable));
        Node diagnosis = fx(() -> robot.lookup("#detailDiagnoses").queryAs(javafx.scene.layout.VBox.class).getChildren().get(0));
        assertTrue(diagnosis instanceof javafx.scene.control.TextInputControl t && fx(t::getText).contains("Merge them into one"));

        Node copyFix = robot.lookup(".copy-fix").query();
        assertTrue(fx(copyFix::isVisible));
        robot.clickOn(copyFix);
        assertEquals(List.of(merged), copied, "the merged record, exactly");
        javafx.scene.control.TextInputControl fixText = robot.lookup(".fix-value").queryAs(javafx.scene.control.TextInputControl.class);
        assertEquals(merged, fx(fixText::getText));
        assertEquals(fx(() -> fixText.prefHeight(fixText.getWidth())), fx(fixText::getHeight), 1.0, "the value shows whole");
    }

    /** The name cell says what the record is for, above the name. */
    @Test
    void eachNameSaysWhatTheRecordIsFor(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        List<String> purposes = fx(() -> table.lookupAll(".record-purpose").stream().filter(Node::isVisible)
                .map(n -> ((javafx.scene.control.Label) n).getText()).toList());
        assertTrue(purposes.containsAll(List.of("SPF", "DMARC", "Verification token")), purposes.toString());
    }

    @Test
    void columnsSortAsAnAdminReadsThem() {
        List<RecordRow> rows = new java.util.ArrayList<>();
        for (Integer priority : new Integer[] {20, null, 5, 10}) {
            DnsRecord mx = DnsRecord.fromService("r" + priority, example.domain().id(), dev.domaindesk.domains.RecordType.MX,
                    "example.com", "mail.example.com", priority, true, false, null, Fixtures.NOW, Fixtures.NOW);
            rows.add(new RecordRow(mx, example.domain(), false));
        }
        rows.sort(fx(() -> column("Priority").getComparator()));
        assertEquals(java.util.Arrays.asList(5, 10, 20, null), rows.stream().map(r -> r.record().effectivePriority()).toList(),
                "numbers in order (not 10, 20, 5), no priority last");

        DnsRecord base = example.records().get(0);
        RecordRow never = new RecordRow(DnsRecord.fromService("n", base.domainId(), base.recordType(), base.name(), base.value(),
                null, true, false, Fixtures.NOW.plusSeconds(60), Fixtures.NOW, Fixtures.NOW), example.domain(), false);
        RecordRow old = new RecordRow(Fixtures.checked(base, CheckState.VERIFIED, List.of(), Fixtures.NOW.minusSeconds(3600)),
                example.domain(), false);
        RecordRow recent = new RecordRow(Fixtures.checked(base, CheckState.VERIFIED, List.of(), Fixtures.NOW), example.domain(), false);
        List<RecordRow> checked = new java.util.ArrayList<>(List.of(recent, never, old));
        checked.sort(fx(() -> column("Checked").getComparator()));
        assertEquals(List.of(never, old, recent), checked, "\"never\" first (even with the service's own last check time), then by time");

        List<RecordRow> byName = new java.util.ArrayList<>(fx(() -> List.copyOf(table.getItems())));
        byName.sort(fx(() -> column("Name").getComparator()));
        assertEquals(byName.stream().map(RecordRow::name).sorted().toList(), byName.stream().map(RecordRow::name).toList());
    }

    @SuppressWarnings("unchecked")
    private TableColumn<RecordRow, RecordRow> column(String title) {
        return (TableColumn<RecordRow, RecordRow>) table.getColumns().stream().filter(c -> title.equals(c.getText())).findFirst().orElseThrow();
    }

    /** The accessible text of the filled cells of column {@code title} (the cells have no text of their own). */
    private List<Object> spoken(String title) {
        return fx(() -> table.lookupAll(".table-cell").stream().map(n -> (TableCell<?, ?>) n)
                .filter(c -> c.getTableColumn() != null && title.equals(c.getTableColumn().getText()))
                .filter(c -> c.getTableRow() != null && !c.getTableRow().isEmpty() && c.getParent() != null
                        && c.getTableRow().getParent().getStyleClass().contains("sheet"))
                .map(c -> c.queryAccessibleAttribute(AccessibleAttribute.TEXT)).toList());
    }

    /** The badge got the width of its longer word: its text is not cut to "…". */
    private static void assertFullyShown(BadgeLabel badge) {
        double[] widths = fx(() -> new double[] {badge.getWidth(), badge.prefWidth(-1)});
        assertTrue(widths[0] >= widths[1] - 0.5, badge.getText() + ": width " + widths[0] + " < pref " + widths[1]);
        assertFalse(fx(() -> badge.lookup(".text") instanceof javafx.scene.text.Text t && t.getText().endsWith(badge.getEllipsisString())),
                badge.getText() + " is cut");
    }
}
