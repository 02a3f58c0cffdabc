package dev.domaindesk.ui;

import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * A status badge: icon, word and tone together (a spinner while checking).
 * <p>
 * Cells reuse their badge for other rows as the list scrolls or filters, so showing a badge changes as little as
 * possible: nothing when the badge is the same, otherwise a pseudo-class (the tone), the word and the icon's code
 * on the one icon node. A style-class change or a new graphic node would make JavaFX re-match the whole badge's
 * CSS, which for a screenful of cells shows in every keystroke.
 * <p>
 * "Checking" shows an arc on the same icon node and turns it ({@link Spin}), not a {@code ProgressIndicator}: that
 * is a dozen styled regions per badge, created when a check starts and repainted every frame.
 * <p>
 * In a list or table cell the badge is unmanaged, in a {@link BadgeSlot}: a new word lays out and resizes the badge
 * alone.
 */
public final class BadgeLabel extends Label {
    private final FontIcon icon = new FontIcon(MaterialDesignC.CLOCK_OUTLINE);
    private Badge shown;
    private boolean alignRight;

    public BadgeLabel() {
        getStyleClass().add("badge");
        icon.getStyleClass().add("badge-icon");
        setMinWidth(USE_PREF_SIZE);
        setVisible(false);
        sceneProperty().addListener((obs, old, scene) -> spinWhileShown());
    }

    public BadgeLabel(Badge badge) {
        this();
        show(badge);
    }

    /** An unmanaged badge (for a {@link BadgeSlot}) that keeps its right ({@code alignRight}) or left edge. */
    static BadgeLabel unmanaged(boolean alignRight) {
        BadgeLabel badge = new BadgeLabel();
        badge.setManaged(false);
        badge.alignRight = alignRight;
        return badge;
    }

    boolean alignsRight() {
        return alignRight;
    }

    @Override
    protected void layoutChildren() {
        if (!isManaged()) {
            fitWord();
        }
        super.layoutChildren();
    }

    /**
     * An unmanaged badge lays itself out when its word (or border) changes: it takes its new size here, keeping its
     * edge and its vertical middle.
     */
    private void fitWord() {
        double width = snapSizeX(prefWidth(-1));
        double height = snapSizeY(prefHeight(-1));
        if (getWidth() == 0 || width == getWidth() && height == getHeight()) {
            return; // not placed by its slot yet, or the same size
        }
        double right = getLayoutX() + getWidth();
        double middle = getLayoutY() + getHeight() / 2; // a selected row's badge gains a border: it grows both ways
        resize(width, height);
        relocate(alignRight ? right - width : getLayoutX(), middle - height / 2);
    }

    /** The badge shown now (null: none). */
    public Badge shown() {
        return shown;
    }

    public void show(Badge badge) {
        if (badge == shown) {
            return;
        }
        if (shown != null) {
            pseudoClassStateChanged(tone(shown), false);
        }
        shown = badge;
        if (badge == null) {
            Spin.follow(icon, false);
            setText("");
            setGraphic(null);
            setVisible(false);
            return;
        }
        setVisible(true);
        pseudoClassStateChanged(tone(badge), true);
        setText(badge.word());
        setAccessibleText("status " + badge.word());
        icon.setIconCode(BadgeIcons.of(badge));
        setGraphic(icon);
        spinWhileShown();
    }

    /** Spins while showing "checking" in a scene; a badge dropped from the scene (a discarded cell) stops. */
    private void spinWhileShown() {
        Spin.follow(icon, shown == Badge.CHECKING && getScene() != null);
    }

    /** The tone as a pseudo-class: {@code .badge:ok}, {@code :warn}, {@code :bad}, {@code :muted}, {@code :info}. */
    static PseudoClass tone(Badge badge) {
        return PseudoClass.getPseudoClass(badge.styleClass().substring("badge-".length()));
    }
}
