package dev.domaindesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Real ControlsFX notifications on a real (headless) stage. */
@ExtendWith(ApplicationExtension.class)
class ControlsFxNotifierFxTest {
    private ControlsFxNotifier notifier;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(new Label("window")), 640, 400));
        stage.show();
        notifier = new ControlsFxNotifier(stage);
    }

    private static List<PopupWindow> popups() {
        return Window.getWindows().stream().filter(PopupWindow.class::isInstance).map(PopupWindow.class::cast).toList();
    }

    private static void awaitPopup() throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> !popups().isEmpty()).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theOwnersStylesheetsAreSetUpFrontSoANotificationDoesNotRestyleTheWindow() throws Exception {
        List<String> before = WaitForAsyncUtils.asyncFx(() -> List.copyOf(stage.getScene().getStylesheets())).get(10, TimeUnit.SECONDS);
        assertTrue(before.contains(ControlsFxNotifier.STYLESHEET), before.toString());
        WaitForAsyncUtils.asyncFx(() -> notifier.bad("example.com is no longer verified", "A required DNS record broke."))
                .get(10, TimeUnit.SECONDS);
        awaitPopup();
        assertEquals(before, WaitForAsyncUtils.asyncFx(() -> List.copyOf(stage.getScene().getStylesheets())).get(10, TimeUnit.SECONDS));
    }

    @Test
    void theWarmUpShowsNothingAndANotificationThenShowsItsTextAndIcon() throws Exception {
        int windows = WaitForAsyncUtils.asyncFx(() -> Window.getWindows().size()).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.asyncFx(notifier::warmUp).get(10, TimeUnit.SECONDS);
        assertEquals(windows, WaitForAsyncUtils.asyncFx(() -> Window.getWindows().size()).get(10, TimeUnit.SECONDS),
                "the warm-up opens no window");

        List<PopupWindow> sameFrame = WaitForAsyncUtils.asyncFx(() -> {
            notifier.good("example.com is verified", "All required DNS records were found.");
            return popups();
        }).get(10, TimeUnit.SECONDS);
        assertEquals(List.of(), sameFrame, "not in the frame that asked: that frame has the check's end to draw");
        awaitPopup();
        List<String> texts = WaitForAsyncUtils.asyncFx(() -> popups().stream()
                .flatMap(p -> p.getScene().getRoot().lookupAll(".label").stream())
                .map(n -> ((Label) n).getText()).toList()).get(10, TimeUnit.SECONDS);
        assertTrue(texts.contains("example.com is verified"), texts.toString());
        boolean icon = WaitForAsyncUtils.asyncFx(() -> popups().stream()
                .flatMap(p -> p.getScene().getRoot().lookupAll(".ikonli-font-icon").stream()).map(Node::isVisible)
                .anyMatch(v -> v)).get(10, TimeUnit.SECONDS);
        assertTrue(icon, "the badge glyph, not ControlsFX's PNG");
    }
}
