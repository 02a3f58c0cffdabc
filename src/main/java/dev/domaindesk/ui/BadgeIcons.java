package dev.domaindesk.ui;

import java.util.Arrays;
import java.util.List;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;

/** Each badge's icon glyph. No JavaFX here, so the icon sets (big enums) can be loaded on any thread. */
public final class BadgeIcons {
    private BadgeIcons() {
    }

    static Ikon of(Badge badge) {
        return switch (badge) {
            case VERIFIED -> MaterialDesignC.CHECK_CIRCLE;
            case PENDING -> MaterialDesignC.CLOCK_OUTLINE;
            case MISSING -> MaterialDesignH.HELP_CIRCLE_OUTLINE;
            case MISMATCH -> MaterialDesignC.CLOSE_CIRCLE;
            case BROKEN -> MaterialDesignL.LINK_VARIANT_OFF;
            case FAILED -> MaterialDesignA.ALERT_CIRCLE;
            case DNS_ERROR -> MaterialDesignC.CLOUD_QUESTION;
            case UNCONFIRMED -> MaterialDesignC.CLOUD_ALERT;
            case CHECKING -> MaterialDesignL.LOADING;
        };
    }

    /** Every badge's icon (loads every icon set the badges use). */
    public static List<Ikon> all() {
        return Arrays.stream(Badge.values()).map(BadgeIcons::of).toList();
    }
}
