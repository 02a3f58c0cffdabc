package dev.domaindesk.ui.shell;

import static dev.domaindesk.ui.testing.FxCalls.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.app.AppContext;
import dev.domaindesk.app.BackgroundExecutors;
import dev.domaindesk.domains.DomainWithRecords;
import dev.domaindesk.domains.ui.RecordRow;
import dev.domaindesk.ui.BadgeLabel;
import dev.domaindesk.ui.FxDialogService;
import dev.domaindesk.ui.FxExecutor;
import dev.domaindesk.ui.UiTasks;
import dev.domaindesk.ui.testing.TestStage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
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
 * The real window at the sizes admins use (900×600, the default 1180×740, 1920×1080): no record name or value is cut,
 * Type, Priority, Status and Checked keep the width of their content and Name and Value take the rest, and the list's
 * names show in full. Monocle's headless screen is 1920×1200 (pom: headless.geometry), so the largest window fits.
 */
@ExtendWith(ApplicationExtension.class)
class WindowSizesFxTest {
    static final String LONG = "mail.a-rather-long-subsidiary-name.example.com";
    static final String TYPICAL = "newsletter.shop.example-company.com";

    @TempDir
    Path dir;
    private AppContext ctx;
    private BackgroundExecutors executors;
    private Stage stage;
    private MainWindow window;
    private DomainWithRecords subsidiary;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        ctx = new AppContext(dir.resolve("data"), Clock.systemUTC());
        subsidiary = ctx.domains().add(LONG, "ses");
        ctx.domains().add("short.test", "ses");
        ctx.domains().add(TYPICAL, "ses");
        executors = new BackgroundExecutors(2, 50);
        window = new MainWindow(stage, WindowComposition.from(ctx),
                new UiTasks(executors.io(), new FxExecutor()), executors.batchDelay(), new FxDialogService(stage));
        Scene scene = new Scene(window.root(), 1180, 740);
        scene.getStylesheets().add(DesktopApp.stylesheet());
        TestStage.show(stage, scene);
        window.start(subsidiary.domain().id());
    }

    @AfterEach
    void close() throws Exception {
        org.testfx.api.FxToolkit.cleanupStages();
        executors.close();
        ctx.close();
    }

    @SuppressWarnings("unchecked")
    private static TableView<RecordRow> table(FxRobot robot) {
        return (TableView<RecordRow>) robot.lookup("#records").queryAs(TableView.class);
    }

    private void resize(double w, double h) {
        fx(() -> {
            stage.setWidth(w);
            stage.setHeight(h);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents(4);
    }

    private void waitForRecords(FxRobot robot) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                    () -> fx(() -> table(robot).getItems().size() == subsidiary.records().size()));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the records did not show");
        }
        WaitForAsyncUtils.waitForFxEvents(4);
    }

    @Test
    void namesAndValuesAreNeverCutAtAnyOfTheThreeSizes(FxRobot robot) {
        waitForRecords(robot);
        double statusAt1180 = 0;
        for (double[] size : new double[][] {{900, 600}, {1180, 740}, {1920, 1080}}) {
            resize(size[0], size[1]);
            String at = (int) size[0] + "x" + (int) size[1] + ": ";
            TableView<RecordRow> table = table(robot);
            List<RecordRow> rows = fx(() -> List.copyOf(table.getItems()));
            for (int i = 0; i < rows.size(); i++) {
                int index = i;
                fx(() -> {
                    table.scrollTo(index);
                    return null;
                });
                RecordRow wanted = rows.get(i);
                try { // the table settles over a few pulses after a resize (columns fitted, rows measured again)
                    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> shownTexts(table).containsAll(
                            List.of(wanted.name(), wanted.value())) && clippedTexts(table).isEmpty()));
                } catch (java.util.concurrent.TimeoutException e) {
                    // reported below with what is shown
                }
                List<String> shown = fx(() -> shownTexts(table));
                assertTrue(shown.contains(rows.get(i).name()), at + rows.get(i).name() + " is shown whole: " + shown);
                assertTrue(shown.contains(rows.get(i).value()), at + rows.get(i).value() + " is shown whole");
                assertEquals("", fx(() -> clippedTexts(table)), at + "a wrapped name or value is clipped by its cell");
                assertEquals(List.of(), fx(() -> namesWrappedInsideALabel(table)), at + "a name wraps after its dots");
            }
            double name = width(table, "Name");
            double value = width(table, "Value");
            for (String fixed : List.of("Type", "Priority", "Status", "Checked")) {
                double w = width(table, fixed);
                assertTrue(w < name && w < value, at + fixed + " (" + w + ") is narrower than Name and Value");
                assertEquals(w, fx(() -> column(table, fixed).getMaxWidth()), 0.5, at + fixed + " keeps its content's width");
            }
            if (size[0] == 1180) {
                statusAt1180 = width(table, "Status");
            }
            if (size[0] == 1920) {
                assertEquals(statusAt1180, width(table, "Status"), 0.5, "the extra width does not go to Status");
                assertTrue(name > 330 && value > 330, "Name (" + name + ") and Value (" + value + ") take the extra width");
            }
            fx(() -> robot.lookup(".badge").match(n -> n instanceof BadgeLabel).queryAllAs(BadgeLabel.class)).stream()
                    .filter(b -> fx(b::isVisible))
                    .forEach(b -> assertFalse(fx(() -> b.lookup(".text") instanceof Text t
                            && t.getText().endsWith(b.getEllipsisString())), at + b.getText() + " is cut"));
            List<String> starts = fx(() -> robot.lookup(".domain-cell").queryAllAs(ListCell.class).stream()
                    .filter(c -> c.getText() != null).map(c -> c.getChildrenUnmodifiable().stream()
                            .filter(n -> n instanceof Text).map(n -> ((Text) n).getText()).findFirst().orElse("")).toList());
            assertTrue(size[0] < 1180 || starts.stream().allMatch(n -> n.length() >= 10 || n.equals("short.test")),
                    at + "every name in the list shows at least its start: " + starts);
            double right = fx(() -> robot.lookup("#checkNow").query().localToScene(
                    robot.lookup("#checkNow").query().getBoundsInLocal()).getMaxX());
            assertTrue(right <= fx(() -> stage.getScene().getWidth()) + 0.5, at + "Check now is inside the window: " + right);
            if (size[0] >= 1180) {
                List<String> names = fx(() -> robot.lookup(".domain-cell").queryAllAs(ListCell.class).stream()
                        .filter(c -> c.getText() != null).map(c -> c.getChildrenUnmodifiable().stream()
                                .filter(n -> n instanceof Text).map(n -> ((Text) n).getText()).findFirst().orElse("")).toList());
                assertTrue(names.contains(TYPICAL), at + "the list shows a typical long name in full: " + names);
                String longShown = names.stream().filter(n -> n.startsWith("mail.")).findFirst().orElseThrow();
                assertTrue(longShown.equals(LONG) || longShown.startsWith("mail.a-rather") && longShown.endsWith(".example.com"),
                        at + "a very long name keeps its start and its domain: " + longShown);
            }
        }
    }

    @Test
    void theSplitsAreTheAdminsAndComeBack(FxRobot robot) {
        waitForRecords(robot);
        fx(() -> {
            window.restoreSplits(0.33, 0.5);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents(2);
        assertEquals(0.33, fx(window::listSplit), 0.01);
        assertEquals(0.5, fx(window::detailsSplit), 0.01);
        dev.domaindesk.settings.WindowPlacement placed = new dev.domaindesk.settings.WindowPlacement(1, 2, 900, 600, false)
                .withSplits(0.3302, 0.5);
        assertEquals(placed, dev.domaindesk.settings.WindowPlacement.parse(placed.wire()).orElseThrow(), "window.txt round trip");
        assertEquals(-1, dev.domaindesk.settings.WindowPlacement.parse("1,2,900,600,false").orElseThrow().listSplit(),
                "an older window.txt keeps the default splits");
    }

    private static double width(TableView<RecordRow> table, String title) {
        return fx(() -> column(table, title).getWidth());
    }

    private static TableColumn<RecordRow, ?> column(TableView<RecordRow> table, String title) {
        return table.getColumns().stream().filter(c -> title.equals(c.getText())).findFirst().orElseThrow();
    }

    private static List<String> shownTexts(TableView<RecordRow> table) {
        List<String> texts = new ArrayList<>();
        for (Node n : table.lookupAll(".record-text")) {
            if (n.isVisible() && n.getScene() != null) {
                texts.add(((Text) n).getText().replace("\n", ""));
            }
        }
        return texts;
    }

    /**
     * Names (texts with dots and no spaces) that wrap inside a DNS label ("_domai" / "nkey") though the label alone
     * would fit the cell's width: a name wraps after its dots.
     */
    private static List<String> namesWrappedInsideALabel(TableView<RecordRow> table) {
        List<String> bad = new ArrayList<>();
        for (Node n : table.lookupAll(".record-text")) {
            if (!(n instanceof Text t) || !n.isVisible() || n.getScene() == null || t.getText().contains(" ")
                    || !t.getText().contains(".")) {
                continue;
            }
            String s = t.getText();
            double y = Double.NaN;
            for (int i = 0; i < s.length(); i++) {
                double cy = ((javafx.scene.shape.MoveTo) t.caretShape(i, true)[0]).getY();
                if (!Double.isNaN(y) && cy > y && i > 0 && s.charAt(i - 1) != '.' && s.charAt(i - 1) != '\n') {
                    int from = s.lastIndexOf('.', i - 1) + 1;
                    int to = s.indexOf('.', i);
                    String label = s.substring(from, to < 0 ? s.length() : to + 1).replace("\n", "");
                    Text measure = new Text(label);
                    measure.setFont(t.getFont());
                    if (measure.getLayoutBounds().getWidth() < t.getWrappingWidth() - 1) {
                        bad.add(s.replace("\n", "") + " breaks before '" + s.substring(i, Math.min(s.length(), i + 6)) + "'");
                    }
                }
                y = cy;
            }
        }
        return bad;
    }

    /** The record texts that do not lie inside their cells (wrapped lines cut off by the row's height). */
    private static String clippedTexts(TableView<RecordRow> table) {
        StringBuilder clipped = new StringBuilder();
        for (Node n : table.lookupAll(".record-text")) {
            Node cell = n;
            while (cell != null && !(cell instanceof TableCell<?, ?>)) {
                cell = cell.getParent();
            }
            if (cell == null || ((TableCell<?, ?>) cell).isEmpty()) {
                continue;
            }
            var inCell = cell.sceneToLocal(n.localToScene(n.getLayoutBounds()));
            if (inCell.getMaxY() > cell.getLayoutBounds().getHeight() + 1 || inCell.getMaxX() > cell.getLayoutBounds().getWidth() + 1) {
                clipped.append(((Text) n).getText()).append(' ').append(inCell).append(" in ").append(cell.getLayoutBounds()).append('\n');
            }
        }
        return clipped.toString();
    }
}
