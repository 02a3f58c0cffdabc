package dev.domaindesk.domains.ui;

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
import dev.domaindesk.ui.DesktopApp;
import dev.domaindesk.ui.RelativeTime;
import dev.domaindesk.ui.UiTasks;
import dev.domaindesk.ui.testing.Fixtures;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
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
    private DomainWithRecords example;
    private TableView<RecordRow> table;

    @Start
    void start(Stage stage) {
        example = f.add("example.com");
        AppState state = new AppState();
        SelectedDomain selected = new SelectedDomain(f.domains, UiTasks.synchronous(), state, feed);
        RecordsViewModel vm = new RecordsViewModel(selected, feed, text -> { });
        state.selectedDomainIdProperty().set(example.domain().id());
        RecordsView view = new RecordsView(vm, f.clock);
        table = view.table();
        Scene scene = new Scene(view, 1100, 500);
        scene.getStylesheets().add(DesktopApp.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    private static <T> T fx(Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
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
    void aCheckStartingAndItsResultsChangeTheBadgesWithoutLayingOutTheTableAgain(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
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
        badges(robot).forEach(RecordsViewFxTest::assertFullyShown);
    }

    /** The badge got the width of its longer word: its text is not cut to "…". */
    private static void assertFullyShown(BadgeLabel badge) {
        double[] widths = fx(() -> new double[] {badge.getWidth(), badge.prefWidth(-1)});
        assertTrue(widths[0] >= widths[1] - 0.5, badge.getText() + ": width " + widths[0] + " < pref " + widths[1]);
        assertFalse(fx(() -> badge.lookup(".text") instanceof javafx.scene.text.Text t && t.getText().endsWith("…")),
                badge.getText() + " is cut");
    }
}
