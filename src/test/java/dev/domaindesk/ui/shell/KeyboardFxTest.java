package dev.domaindesk.ui.shell;

import static dev.domaindesk.ui.testing.FxCalls.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.app.AppContext;
import dev.domaindesk.app.BackgroundExecutors;
import dev.domaindesk.domains.ui.RecordRow;
import dev.domaindesk.ui.FxDialogService;
import dev.domaindesk.ui.FxExecutor;
import dev.domaindesk.ui.UiTasks;
import dev.domaindesk.ui.testing.TestStage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
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
 * Issue 14 point 10 on the real window: docs/window.md's keyboard table is exactly the keys the window handles, every
 * menu and item has a mnemonic, and Tab alone reaches the records table with a row selected, so Ctrl+C copies.
 */
@ExtendWith(ApplicationExtension.class)
class KeyboardFxTest {
    @TempDir
    Path dir;
    private AppContext ctx;
    private BackgroundExecutors executors;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        ctx = new AppContext(dir.resolve("data"), Clock.systemUTC());
        String id = ctx.domains().add("keys.example.com", "ses").domain().id();
        executors = new BackgroundExecutors(2, 50);
        MainWindow window = new MainWindow(stage, WindowComposition.from(ctx),
                new UiTasks(executors.io(), new FxExecutor()), executors.batchDelay(), new FxDialogService(stage));
        Scene scene = new Scene(window.root(), 1180, 740);
        scene.getStylesheets().add(DesktopApp.stylesheet());
        TestStage.show(stage, scene);
        window.start(id);
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
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static TableView<RecordRow> table(FxRobot robot) {
        return (TableView<RecordRow>) robot.lookup("#records").queryAs(TableView.class);
    }

    private MenuBar menuBar(FxRobot robot) {
        return robot.lookup("#menuBar").queryAs(MenuBar.class);
    }

    @Test
    void theDocumentedKeyboardTableIsExactlyTheKeysTheWindowHandles(FxRobot robot) throws Exception {
        Path doc = Path.of("docs", "window.md");
        String text = Files.readString(doc);
        String table = text.substring(text.indexOf("## Keyboard"));
        Set<String> documented = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| ([^|]+?) \\| [^|]+\\|$").matcher(table.substring(0, table.indexOf("\n\n", table.indexOf("| ---"))));
        while (row.find()) {
            if (!row.group(1).equals("keys") && !row.group(1).startsWith("---")) {
                documented.add(canonical(row.group(1)));
            }
        }
        Set<String> bound = new TreeSet<>();
        Shortcuts.keys().forEach(k -> bound.add(canonical((KeyCodeCombination) k)));
        fx(() -> {
            for (Menu m : menuBar(robot).getMenus()) {
                for (MenuItem item : m.getItems()) {
                    if (item.getAccelerator() != null) {
                        bound.add(canonical((KeyCodeCombination) item.getAccelerator()));
                    }
                }
            }
            return null;
        });
        assertFalse(documented.isEmpty(), "the table was read");
        assertEquals(bound, documented, "docs/window.md's keyboard table lists exactly the keys the window handles");
    }

    /** "Ctrl+Shift+F5" from the table, in one order of modifiers. */
    private static String canonical(String keys) {
        List<String> parts = new ArrayList<>(List.of(keys.strip().split("\\+(?=.)")));
        String key = parts.remove(parts.size() - 1);
        Set<String> mods = new TreeSet<>(parts.stream().map(p -> p.toLowerCase(Locale.ROOT)).toList());
        return String.join("+", mods) + (mods.isEmpty() ? "" : "+") + (key.equals(",") ? "comma" : key.toLowerCase(Locale.ROOT));
    }

    private static String canonical(KeyCodeCombination k) {
        Set<String> mods = new TreeSet<>();
        // the shortcut key is Ctrl on Linux and Windows, as the table writes it
        if (k.getShortcut() == KeyCombination.ModifierValue.DOWN || k.getControl() == KeyCombination.ModifierValue.DOWN) {
            mods.add("ctrl");
        }
        if (k.getShift() == KeyCombination.ModifierValue.DOWN) {
            mods.add("shift");
        }
        if (k.getAlt() == KeyCombination.ModifierValue.DOWN) {
            mods.add("alt");
        }
        String key = k.getCode() == KeyCode.COMMA ? "comma" : k.getCode().getName().toLowerCase(Locale.ROOT);
        return String.join("+", mods) + (mods.isEmpty() ? "" : "+") + key;
    }

    @Test
    void everyMenuAndItemHasItsOwnMnemonicAndAltOpensTheMenu(FxRobot robot) {
        fx(() -> {
            Set<Character> menus = new HashSet<>();
            for (Menu m : menuBar(robot).getMenus()) {
                assertTrue(m.isMnemonicParsing() && m.getText().contains("_"), m.getText() + " has a mnemonic");
                assertTrue(menus.add(mnemonic(m)), m.getText() + "'s letter is its own");
                Set<Character> items = new HashSet<>();
                for (MenuItem item : m.getItems()) {
                    if (item.getText() == null) {
                        continue; // a separator
                    }
                    assertTrue(item.isMnemonicParsing() && item.getText().contains("_"), item.getText() + " has a mnemonic");
                    assertTrue(items.add(mnemonic(item)), item.getText() + "'s letter is its own in " + m.getText());
                }
            }
            return null;
        });
        robot.press(KeyCode.ALT, KeyCode.C).release(KeyCode.C, KeyCode.ALT);
        until("Alt+C opens the Check menu", () -> menuBar(robot).getMenus().get(1).isShowing());
        robot.type(KeyCode.ESCAPE);
        until("Escape closes it", () -> !menuBar(robot).getMenus().get(1).isShowing());
    }

    private static char mnemonic(MenuItem item) {
        String t = item.getText();
        return Character.toLowerCase(t.charAt(t.indexOf('_') + 1));
    }

    @Test
    void tabAloneReachesTheTableWithARowSelectedSoCtrlCCopies(FxRobot robot) {
        until("the records show", () -> table(robot).getItems().size() == 9);
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        until("the search has the focus", () -> "search".equals(focusId()));
        for (int i = 0; i < 40 && !fx(() -> stage.getScene().getFocusOwner() == table(robot)); i++) {
            robot.type(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertTrue(fx(() -> stage.getScene().getFocusOwner() == table(robot)), "Tab reaches the records table");
        assertEquals(0, fx(() -> table(robot).getSelectionModel().getSelectedIndex()), "and a row is selected");
        robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
        String value = fx(() -> table(robot).getItems().get(0).record().target());
        assertEquals(value, fx(() -> Clipboard.getSystemClipboard().getString()), "Ctrl+C copies its value");
        robot.press(KeyCode.CONTROL, KeyCode.ALT, KeyCode.C).release(KeyCode.C, KeyCode.ALT, KeyCode.CONTROL);
        assertTrue(fx(() -> Clipboard.getSystemClipboard().getString()).startsWith("_amazonses"), "Ctrl+Alt+C its host");
    }

    private String focusId() {
        return fx(() -> {
            Node n = stage.getScene().getFocusOwner();
            return n == null ? null : n.getId();
        });
    }
}
