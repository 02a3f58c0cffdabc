package dev.domaindesk.ui;

import static dev.domaindesk.ui.testing.FxCalls.fx;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.domains.ui.DomainListView;
import dev.domaindesk.domains.ui.DomainListViewModel;
import dev.domaindesk.ui.shell.DesktopApp;
import dev.domaindesk.ui.testing.Fixtures;
import dev.domaindesk.ui.testing.RecordingNotifier;
import dev.domaindesk.ui.testing.ScriptedDialogs;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Background;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Text contrast of at least 4.5:1 (WCAG 2.1 AA, success criterion 1.4.3) in both themes, read from the styled scene:
 * a selected row of the list once the focus has left it, the search box's placeholder, every badge.
 */
@ExtendWith(ApplicationExtension.class)
class ThemeContrastFxTest {
    private final Fixtures f = new Fixtures();
    private BorderPane root;
    private DomainListViewModel vm;

    @Start
    void start(Stage stage) {
        f.add("example.com");
        f.add("shop.example.org");
        AppState state = new AppState();
        vm = new DomainListViewModel(f.domains, UiTasks.synchronous(), state, new CheckFeed(), new ScriptedDialogs(),
                new RecordingNotifier(), f.clock);
        DomainListView list = new DomainListView(vm, state);
        TextField elsewhere = new TextField();
        elsewhere.setId("elsewhere");
        root = new BorderPane(list, null, null, elsewhere, null);
        Scene scene = new Scene(root, 500, 400);
        scene.getStylesheets().add(DesktopApp.stylesheet());
        stage.setScene(scene);
        stage.show();
        vm.load();
        state.selectedDomainIdProperty().set(f.domains.require("example.com").id());
    }

    @Test
    void textIsReadableInBothThemes(FxRobot robot) {
        for (boolean dark : List.of(false, true)) {
            fx(() -> {
                root.getStyleClass().remove("dark");
                if (dark) {
                    root.getStyleClass().add("dark");
                }
                robot.lookup("#elsewhere").query().requestFocus(); // the list loses the focus, its row stays selected
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
            String theme = dark ? "dark: " : "light: ";
            ListCell<?> selected = fx(() -> robot.lookup(".domain-cell").match((ListCell<?> c) -> c.isSelected()).queryAs(ListCell.class));
            assertReadable(theme + "selected row without focus", fx(selected::getTextFill), fx(() -> fill(selected.getBackground())));
            TextField search = robot.lookup("#search").queryAs(TextField.class);
            Paint prompt = fx(() -> search.lookupAll(".text").stream().filter(n -> n instanceof javafx.scene.text.Text t
                    && search.getPromptText().equals(t.getText())).map(n -> ((javafx.scene.text.Text) n).getFill()).findFirst().orElseThrow());
            assertReadable(theme + "search placeholder", prompt, fx(() -> fill(search.getBackground())));
            for (BadgeLabel badge : fx(() -> robot.lookup(".badge").match(n -> n instanceof BadgeLabel b && b.isVisible())
                    .queryAllAs(BadgeLabel.class)).stream().toList()) {
                assertReadable(theme + "badge " + fx(badge::getText), fx(badge::getTextFill), fx(() -> fill(badge.getBackground())));
            }
        }
    }

    private static Color fill(Background background) {
        List<javafx.scene.layout.BackgroundFill> fills = background.getFills();
        Paint last = fills.get(fills.size() - 1).getFill();
        // Modena's text fields fill with a gradient that ends in the colour behind the text
        return last instanceof javafx.scene.paint.LinearGradient g ? g.getStops().get(g.getStops().size() - 1).getColor() : (Color) last;
    }

    private static void assertReadable(String what, Paint text, Color background) {
        double ratio = contrast((Color) text, background);
        assertTrue(ratio >= 4.5, what + ": contrast " + String.format("%.2f", ratio) + " of " + text + " on " + background);
    }

    static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
    }

    private static double channel(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
}
