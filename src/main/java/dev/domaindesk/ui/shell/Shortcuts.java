package dev.domaindesk.ui.shell;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * Window-wide keys: Delete removes the selected domain, F5 checks it, Ctrl+Shift+F5 checks all, Ctrl+C and
 * Ctrl+Shift+C copy the selected record's value and name. Text fields keep their own Delete and Ctrl+C.
 */
final class Shortcuts {
    private static final KeyCombination CHECK = new KeyCodeCombination(KeyCode.F5);
    private static final KeyCombination CHECK_ALL = new KeyCodeCombination(KeyCode.F5, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    private static final KeyCombination COPY_VALUE = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination COPY_NAME = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    private static final KeyCombination COPY_HOST = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.ALT_DOWN);
    private static final KeyCombination DELETE = new KeyCodeCombination(KeyCode.DELETE);

    private final MainWindow window;

    /** The keys handled here (the window's menus add their accelerators): docs/window.md's table lists them all. */
    static java.util.List<KeyCombination> keys() {
        return java.util.List.of(CHECK, CHECK_ALL, COPY_VALUE, COPY_NAME, COPY_HOST, DELETE);
    }

    Shortcuts(MainWindow window) {
        this.window = window;
    }

    void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            boolean typing = scene.getFocusOwner() instanceof TextInputControl;
            if (CHECK_ALL.match(e)) {
                window.status().checkAll();
            } else if (CHECK.match(e)) {
                window.pane().checkNow();
            } else if (COPY_HOST.match(e) && !typing) {
                window.records().copySelectedHost();
            } else if (COPY_NAME.match(e) && !typing) {
                window.records().copySelectedName();
            } else if (COPY_VALUE.match(e) && !typing) {
                window.records().copySelectedValue();
            } else if (DELETE.match(e) && !typing && inDomainsOrRecords(scene.getFocusOwner())) {
                window.list().removeSelected();
            } else {
                return;
            }
            e.consume();
        });
    }

    private boolean inDomainsOrRecords(Node focus) {
        for (Node n = focus; n != null; n = n.getParent()) {
            if (n == window.listView() || n == window.recordsView()) {
                return true;
            }
        }
        return focus == null;
    }
}
