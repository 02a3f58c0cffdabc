package dev.domaindesk.ui;

import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.NotificationPane;
import org.controlsfx.control.Notifications;
import org.kordamp.ikonli.javafx.FontIcon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Desktop notifications with ControlsFX, shown at the bottom right of the main window. The icon is the badges'
 * icon font, not ControlsFX's PNG: the PNG was the window's first image, and decoding it loaded ~80 classes on
 * the FX thread when the first notification came (at the end of the first "check all").
 */
public final class ControlsFxNotifier implements Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(ControlsFxNotifier.class);

    /** The stylesheet ControlsFX adds to the owner's scene, named as it names it. */
    static final String STYLESHEET = Notifications.class.getResource("notificationpopup.css").toExternalForm();

    /**
     * How long after it is asked for a notification pops up: not in the frame that asked. The end of a check asks,
     * and that frame already re-draws the status bar, the badges and Check now; the popup (a new window, its
     * scene's CSS) belongs in another frame (docs/decisions/0008-spread-work-over-frames.md).
     */
    static final Duration DELAY = Duration.millis(250);

    private final Window owner;

    /**
     * On its first notification ControlsFX adds its stylesheet to the owner's scene, and a new stylesheet restyles
     * every node of the window (at the end of the first "check all"). So it is added here, while the window is
     * still empty, where ControlsFX expects it (first).
     */
    public ControlsFxNotifier(Window owner) {
        this.owner = owner;
        if (owner != null && owner.getScene() != null && !owner.getScene().getStylesheets().contains(STYLESHEET)) {
            owner.getScene().getStylesheets().add(0, STYLESHEET);
        }
    }

    @Override
    public void good(String title, String text) {
        show(title, text, false);
    }

    @Override
    public void bad(String title, String text) {
        show(title, text, true);
    }

    /**
     * Builds a {@link NotificationPane} once, off-screen: the same notification bar, controls and stylesheet a
     * notification popup is made of, so their classes are loaded and their CSS parsed while the window is idle.
     * Otherwise the first notification, at the end of the first "check all", pays for all of it on the FX thread.
     * FX thread.
     */
    public void warmUp() {
        NotificationPane pane = new NotificationPane(new Region());
        pane.setGraphic(new FontIcon(BadgeIcons.of(Badge.VERIFIED)));
        pane.setText("DomainDesk");
        new Scene(pane, 360, 120); // never shown
        pane.show();
        pane.applyCss();
        pane.layout();
    }

    private void show(String title, String text, boolean bad) {
        if (owner == null || !owner.isShowing()) {
            LOG.info("{}: {}", title, text);
            return;
        }
        PauseTransition wait = new PauseTransition(DELAY);
        wait.setOnFinished(e -> popUp(title, text, bad));
        wait.play();
    }

    private void popUp(String title, String text, boolean bad) {
        if (!owner.isShowing()) { // closed meanwhile
            LOG.info("{}: {}", title, text);
            return;
        }
        FontIcon icon = new FontIcon(BadgeIcons.of(bad ? Badge.FAILED : Badge.VERIFIED));
        icon.setIconSize(32);
        icon.setIconColor(Color.web(bad ? "#c62828" : "#1a7f37"));
        Notifications.create().title(title).text(text).owner(owner).graphic(icon)
                .position(Pos.BOTTOM_RIGHT).hideAfter(Duration.seconds(bad ? 12 : 6)).show();
    }
}
