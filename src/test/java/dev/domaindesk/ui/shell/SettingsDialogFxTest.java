package dev.domaindesk.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.app.AppContext;
import dev.domaindesk.app.BackgroundExecutors;
import dev.domaindesk.settings.Settings;
import dev.domaindesk.ui.FxDialogService;
import dev.domaindesk.ui.FxExecutor;
import dev.domaindesk.ui.UiTasks;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The settings dialog on the real scene: a bad field blocks Save with a message; saved values persist; dark theme. */
@ExtendWith(ApplicationExtension.class)
class SettingsDialogFxTest {
    @TempDir
    Path dir;
    private AppContext ctx;
    private BackgroundExecutors executors;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        ctx = new AppContext(dir.resolve("data"), Clock.systemUTC());
        executors = new BackgroundExecutors(2, 50);
        window = new MainWindow(stage, WindowComposition.from(ctx),
                new UiTasks(executors.io(), new FxExecutor()), executors.batchDelay(), new FxDialogService(stage));
        Scene scene = new Scene(window.root(), 1000, 700);
        scene.getStylesheets().add(DesktopApp.stylesheet());
        stage.setScene(scene);
        stage.show();
        window.start(null);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        executors.close();
        ctx.close();
    }

    @Test
    void aBadTimeoutBlocksSaveAndAGoodOneIsStoredAndTheThemeApplies(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#settingTimeout").tryQuery().isPresent()
                && !robot.lookup("#saveSettings").queryButton().isDisabled());
        javafx.scene.Node focused = dev.domaindesk.ui.testing.FxCalls.fx(() -> robot.lookup("#settingsDialog").query().getScene().getFocusOwner());
        assertTrue(focused instanceof javafx.scene.control.TextField, "opens in its first field, not on Cancel: " + focused);
        robot.doubleClickOn("#settingTimeout").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .write("soon");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#saveSettings").queryButton().isDisabled());
        assertEquals("The DNS timeout must be a whole number, not 'soon'",
                robot.lookup("#settingsMessage").queryAs(Label.class).getText());

        robot.clickOn("#settingTimeout").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .write("1500");
        robot.clickOn("#settingTheme").clickOn("Dark");
        robot.clickOn("#saveSettings");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#settingsDialog").tryQuery().isEmpty());
        assertEquals(1500, ctx.settings().load().dnsTimeout().toMillis());
        assertEquals(Settings.Theme.DARK, ctx.settings().load().theme());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.root().getStyleClass().contains("dark"));
    }
}
