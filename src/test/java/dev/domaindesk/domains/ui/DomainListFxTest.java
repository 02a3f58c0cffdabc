package dev.domaindesk.domains.ui;

import static dev.domaindesk.ui.testing.FxCalls.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainStatus;
import dev.domaindesk.ui.AppState;
import dev.domaindesk.ui.Badge;
import dev.domaindesk.ui.BadgeLabel;
import dev.domaindesk.ui.BadgeSlot;
import dev.domaindesk.ui.CheckFeed;
import dev.domaindesk.ui.shell.DesktopApp;
import dev.domaindesk.ui.UiTasks;
import dev.domaindesk.ui.testing.Fixtures;
import dev.domaindesk.ui.testing.RecordingNotifier;
import dev.domaindesk.ui.testing.ScriptedDialogs;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The domain list's cells on a real (headless) scene: badges follow results without list events. */
@ExtendWith(ApplicationExtension.class)
class DomainListFxTest {
    private final Fixtures f = new Fixtures();
    private final CheckFeed feed = new CheckFeed();
    private DomainListViewModel vm;
    private Domain example;

    @Start
    void start(Stage stage) {
        example = f.add("example.com").domain();
        f.add("shop.example.org");
        AppState state = new AppState();
        vm = new DomainListViewModel(f.domains, UiTasks.synchronous(), state, feed, new ScriptedDialogs(),
                new RecordingNotifier(), f.clock);
        Scene scene = new Scene(new DomainListView(vm, state), 400, 300);
        scene.getStylesheets().add(DesktopApp.stylesheet());
        stage.setScene(scene);
        stage.show();
        vm.load();
    }

    private static BadgeLabel badgeOf(FxRobot robot, String domain) {
        ListCell<?> cell = robot.lookup(".domain-cell").match((ListCell<?> c) -> domain.equals(c.getText())).queryAs(ListCell.class);
        return ((BadgeSlot) cell.getGraphic().lookup(".badge-slot")).badge();
    }

    private static boolean has(Node node, String pseudoClass) {
        return node.getPseudoClassStates().contains(PseudoClass.getPseudoClass(pseudoClass));
    }

    @Test
    void aResultChangesTheShownBadgeWithoutAnyListChange(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        BadgeLabel badge = badgeOf(robot, "example.com");
        assertEquals("pending", fx(badge::getText));
        assertTrue(fx(() -> has(badge, "warn")));
        List<ListChangeListener.Change<? extends DomainRow>> changes = new ArrayList<>();
        fx(() -> {
            vm.visible().addListener((ListChangeListener<DomainRow>) changes::add);
            feed.publish(List.of(Fixtures.withStatus(example, DomainStatus.VERIFIED, Fixtures.NOW)), List.of());
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertSame(badge, badgeOf(robot, "example.com"), "the same cell shows the new status");
        assertEquals("verified", fx(badge::getText));
        assertTrue(fx(() -> has(badge, "ok")));
        assertFalse(fx(() -> has(badge, "warn")), "the old tone is cleared");
        assertEquals(List.of(), changes, "a status change is not a list change");
    }

    /** Each row says "0/9"; clicking "Failed" shows the failed domains only, clicking it again shows all. */
    @Test
    void rowsShowTheirProgressAndAClickOnACountFilters(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        ListCell<?> cell = robot.lookup(".domain-cell").match((ListCell<?> c) -> "example.com".equals(c.getText())).queryAs(ListCell.class);
        assertEquals("0/9", fx(() -> ((dev.domaindesk.ui.CellText) cell.getGraphic().lookup(".domain-progress")).getText()));
        fx(() -> {
            feed.publish(List.of(Fixtures.withStatus(example, DomainStatus.FAILED, Fixtures.NOW)), List.of());
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ToggleButton failed = robot.lookup("#filter-failed").queryAs(javafx.scene.control.ToggleButton.class);
        assertEquals("Failed 1", fx(failed::getText));
        robot.clickOn(failed);
        assertEquals(List.of("example.com"), fx(() -> vm.visible().stream().map(DomainRow::displayName).toList()));
        robot.clickOn(failed);
        assertEquals(2, fx(() -> vm.visible().size()), "clicked again: all");
        robot.clickOn("#filter-attention");
        assertEquals(2, fx(() -> vm.visible().size()), "both need attention (one failed, one pending)");
    }

    @Test
    void aBadgeSwitchesToneAndIconOnOneIconNodeAndHidesWhenEmpty(FxRobot robot) {
        fx(() -> {
            BadgeLabel badge = new BadgeLabel(Badge.VERIFIED);
            Node icon = badge.getGraphic();
            badge.show(Badge.MISMATCH);
            assertSame(icon, badge.getGraphic(), "one icon node, its glyph changed");
            assertTrue(has(badge, "bad"));
            assertFalse(has(badge, "ok"));
            assertEquals("mismatch", badge.getText());
            badge.show(Badge.CHECKING);
            assertSame(icon, badge.getGraphic(), "checking spins the same icon node");
            assertTrue(has(badge, "info"));
            assertFalse(icon.rotateProperty().isBound(), "out of any scene it does not spin");
            StackPane root = new StackPane(badge);
            new Scene(root);
            assertTrue(icon.rotateProperty().isBound(), "in a scene it follows the shared rotation");
            root.getChildren().clear();
            assertFalse(icon.rotateProperty().isBound(), "dropped from the scene, it stops");
            assertEquals(0, icon.getRotate());
            root.getChildren().add(badge);
            assertTrue(icon.rotateProperty().isBound());
            badge.show(Badge.VERIFIED);
            assertFalse(icon.rotateProperty().isBound(), "another badge stops the spin");
            assertEquals(0, icon.getRotate());
            badge.show(Badge.CHECKING);
            badge.show(null);
            assertFalse(icon.rotateProperty().isBound());
            assertFalse(badge.isVisible());
            assertFalse(has(badge, "info"));
            assertNull(badge.shown());
            return null;
        });
    }
}
