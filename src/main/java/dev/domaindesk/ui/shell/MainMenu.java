package dev.domaindesk.ui.shell;

import dev.domaindesk.files.ExportFormat;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyCodeCombination;

/**
 * The menu bar: Domains, Check, Import / Export. Every menu and item has a mnemonic (Alt+D, then A adds a domain);
 * accelerators are shown in the menus (F5 and Ctrl+Shift+F5 are handled by {@link Shortcuts} first, which consumes
 * them, so they do not fire twice).
 */
final class MainMenu {
    private final MainWindow window;

    MainMenu(MainWindow window) {
        this.window = window;
    }

    MenuBar bar() {
        Menu domains = new Menu("_Domains");
        domains.getItems().addAll(
                item("_Add domain…", "menuAdd", new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), window::addDomain),
                item("_Remove domain…", "menuRemove", null, () -> window.list().removeSelected()),
                new SeparatorMenuItem(),
                item("_Find…", "menuFind", new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), window::focusSearch),
                new SeparatorMenuItem(),
                item("_Settings…", "menuSettings", new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN), window::openSettings),
                item("_Quit", "menuQuit", new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), () -> window.stage().close()));
        Menu check = new Menu("_Check");
        check.getItems().addAll(
                item("Check _selected domain", "menuCheck", new KeyCodeCombination(KeyCode.F5), () -> window.pane().checkNow()),
                item("Check _all domains", "menuCheckAll",
                        new KeyCodeCombination(KeyCode.F5, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), () -> window.status().checkAll()),
                item("_Cancel check", "menuCancel", null, () -> window.status().cancel()));
        Menu transfer = new Menu("_Import / Export");
        transfer.setId("menuTransfer");
        transfer.getItems().addAll(
                item("_Import JSON…", "menuImport", null, () -> window.transfer().importJson()),
                new SeparatorMenuItem(),
                item("Export all as _JSON…", "menuExportJson", null, () -> window.transfer().exportAll(ExportFormat.JSON)),
                item("Export all as CS_V…", "menuExportCsv", null, () -> window.transfer().exportAll(ExportFormat.CSV)),
                item("Export _zone snippet of the selected domain…", "menuExportZone", null,
                        () -> window.transfer().exportSelectedZone()));
        MenuBar bar = new MenuBar(domains, check, transfer);
        bar.setId("menuBar");
        return bar;
    }

    private static MenuItem item(String text, String id, KeyCombination accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setMnemonicParsing(true);
        item.setId(id);
        item.setAccelerator(accelerator);
        item.setOnAction(e -> action.run());
        return item;
    }
}
