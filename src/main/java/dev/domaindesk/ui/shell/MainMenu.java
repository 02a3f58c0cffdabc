package dev.domaindesk.ui.shell;

import dev.domaindesk.files.ExportFormat;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyCodeCombination;

/** The menu bar: Domains, Check, Import / Export, Settings. Accelerators are shown in the menus. */
final class MainMenu {
    private final MainWindow window;

    MainMenu(MainWindow window) {
        this.window = window;
    }

    MenuBar bar() {
        Menu domains = new Menu("_Domains");
        domains.getItems().addAll(
                item("Add domain…", "menuAdd", new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), window::addDomain),
                item("Remove domain…", "menuRemove", null, () -> window.list().removeSelected()),
                new SeparatorMenuItem(),
                item("Find…", "menuFind", new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), window::focusSearch),
                new SeparatorMenuItem(),
                item("Settings…", "menuSettings", new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN), window::openSettings),
                item("Quit", "menuQuit", new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), () -> window.stage().close()));
        Menu check = new Menu("_Check");
        check.getItems().addAll(
                item("Check selected domain (F5)", "menuCheck", null, () -> window.pane().checkNow()),
                item("Check all domains (Ctrl+Shift+F5)", "menuCheckAll", null, () -> window.status().checkAll()),
                item("Cancel check", "menuCancel", null, () -> window.status().cancel()));
        Menu transfer = new Menu("_Import / Export");
        transfer.setId("menuTransfer");
        transfer.getItems().addAll(
                item("Import JSON…", "menuImport", null, () -> window.transfer().importJson()),
                new SeparatorMenuItem(),
                item("Export all as JSON…", "menuExportJson", null, () -> window.transfer().exportAll(ExportFormat.JSON)),
                item("Export all as CSV…", "menuExportCsv", null, () -> window.transfer().exportAll(ExportFormat.CSV)),
                item("Export zone snippet of the selected domain…", "menuExportZone", null,
                        () -> window.transfer().exportSelectedZone()));
        MenuBar bar = new MenuBar(domains, check, transfer);
        bar.setId("menuBar");
        return bar;
    }

    private static MenuItem item(String text, String id, KeyCombination accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setAccelerator(accelerator);
        item.setOnAction(e -> action.run());
        return item;
    }
}
