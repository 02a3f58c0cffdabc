package dev.domaindesk.ui;

import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;

/** A status badge: icon, word and tone together (a spinner while checking). */
public final class BadgeLabel extends Label {
    private static final String[] TONES = {"badge-ok", "badge-warn", "badge-bad", "badge-muted", "badge-info"};

    public BadgeLabel() {
        getStyleClass().add("badge");
        setMinWidth(USE_PREF_SIZE);
    }

    public BadgeLabel(Badge badge) {
        this();
        show(badge);
    }

    public void show(Badge badge) {
        getStyleClass().removeAll(TONES);
        if (badge == null) {
            setText("");
            setGraphic(null);
            setVisible(false);
            return;
        }
        setVisible(true);
        getStyleClass().add(badge.styleClass());
        setText(badge.word());
        setAccessibleText("status " + badge.word());
        if (badge == Badge.CHECKING) {
            ProgressIndicator spinner = new ProgressIndicator();
            spinner.getStyleClass().add("badge-spinner");
            spinner.setPrefSize(12, 12);
            spinner.setMaxSize(12, 12);
            setGraphic(spinner);
        } else {
            FontIcon icon = new FontIcon(icon(badge));
            icon.getStyleClass().add("badge-icon");
            setGraphic(icon);
        }
    }

    private static Ikon icon(Badge badge) {
        return switch (badge) {
            case VERIFIED -> MaterialDesignC.CHECK_CIRCLE;
            case PENDING -> MaterialDesignC.CLOCK_OUTLINE;
            case MISSING -> MaterialDesignH.HELP_CIRCLE_OUTLINE;
            case MISMATCH -> MaterialDesignC.CLOSE_CIRCLE;
            case BROKEN -> MaterialDesignL.LINK_VARIANT_OFF;
            case FAILED -> MaterialDesignA.ALERT_CIRCLE;
            case DNS_ERROR -> MaterialDesignC.CLOUD_QUESTION;
            case CHECKING -> MaterialDesignC.CLOCK_OUTLINE;
        };
    }
}
