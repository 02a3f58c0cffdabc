package dev.domaindesk.ui;

import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Desktop notifications with ControlsFX, shown at the bottom right of the main window. */
public final class ControlsFxNotifier implements Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(ControlsFxNotifier.class);

    private final Window owner;

    public ControlsFxNotifier(Window owner) {
        this.owner = owner;
    }

    @Override
    public void good(String title, String text) {
        show(title, text, false);
    }

    @Override
    public void bad(String title, String text) {
        show(title, text, true);
    }

    private void show(String title, String text, boolean bad) {
        if (owner == null || !owner.isShowing()) {
            LOG.info("{}: {}", title, text);
            return;
        }
        Notifications n = Notifications.create().title(title).text(text).owner(owner)
                .position(Pos.BOTTOM_RIGHT).hideAfter(Duration.seconds(bad ? 12 : 6));
        if (bad) {
            n.showWarning();
        } else {
            n.showInformation();
        }
    }
}
