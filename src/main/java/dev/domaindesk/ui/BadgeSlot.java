package dev.domaindesk.ui;

import dev.domaindesk.domains.DomainStatus;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.AccessibleAttribute;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;

/**
 * A badge's place in a list or table cell: as wide as the badge with its longest word, so it never changes size,
 * holding the badge unmanaged.
 * <p>
 * A managed badge that changes its word asks its row to lay out again, and a {@code ListView} or {@code TableView}
 * with one row to lay out re-indexes and refills every visible row (a check's start refilled every cell of the
 * records table: copy buttons, tooltips, texts). An unmanaged badge is its own layout root: a new word lays out the
 * badge alone, which resizes itself and keeps the edge it is aligned to ({@link BadgeLabel#layoutChildren}).
 */
public final class BadgeSlot extends Region {
    /** The badges a domain can show (its status). */
    public static final List<Badge> DOMAIN_BADGES = java.util.stream.Stream.concat(
            Arrays.stream(DomainStatus.values()).map(Badge::of), java.util.stream.Stream.of(Badge.UNCONFIRMED)).toList();
    /** The badges a record can show. */
    public static final List<Badge> RECORD_BADGES = List.of(Badge.values());

    /** The badge's width with its longest word, per font and word list (a handful of entries: one font, two lists). */
    private static final Map<Font, Map<List<Badge>, Double>> WIDEST = new HashMap<>();

    private final BadgeLabel badge;
    private final List<Badge> badges;

    /** @param alignRight badge on the right edge of the slot (else the left) */
    public BadgeSlot(List<Badge> badges, boolean alignRight) {
        this.badges = badges;
        this.badge = BadgeLabel.unmanaged(alignRight);
        getStyleClass().add("badge-slot");
        setMinSize(USE_PREF_SIZE, USE_PREF_SIZE);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        getChildren().add(badge);
    }

    public void show(Badge shown) {
        badge.show(shown);
    }

    public BadgeLabel badge() {
        return badge;
    }

    /** Screen readers hear the badge ("status verified"): a cell without text of its own asks its graphic. */
    @Override
    public Object queryAccessibleAttribute(AccessibleAttribute attribute, Object... parameters) {
        return attribute == AccessibleAttribute.TEXT ? badge.queryAccessibleAttribute(attribute, parameters)
                : super.queryAccessibleAttribute(attribute, parameters);
    }

    @Override
    protected double computePrefWidth(double height) {
        Double widest = WIDEST.getOrDefault(badge.getFont(), Map.of()).get(badges);
        if (widest == null) {
            widest = measureWidest();
        }
        return snappedLeftInset() + widest + snappedRightInset();
    }

    /**
     * The badge's width with its widest word and icon: each badge shown in turn and measured as styled (the icons'
     * glyphs differ in width too, so "checking" with its icon can be wider than "couldn't check" with its own).
     */
    private double measureWidest() {
        if (getScene() != null) {
            badge.applyCss(); // the badge's font and padding
        }
        Font font = badge.getFont();
        Badge was = badge.shown();
        double widest = 0;
        for (Badge b : badges) {
            badge.show(b);
            if (getScene() != null) {
                badge.applyCss();
            }
            widest = Math.max(widest, Math.ceil(badge.prefWidth(-1)));
        }
        badge.show(was);
        if (getScene() != null) { // measured as styled: worth keeping for every slot with this font
            WIDEST.computeIfAbsent(font, f -> new HashMap<>()).put(badges, widest);
        }
        return widest;
    }

    @Override
    protected double computePrefHeight(double width) {
        return snappedTopInset() + badge.prefHeight(-1) + snappedBottomInset();
    }

    @Override
    protected void layoutChildren() {
        badge.autosize();
        double x = badge.alignsRight() ? getWidth() - snappedRightInset() - badge.getWidth() : snappedLeftInset();
        badge.relocate(x, snappedTopInset() + (getHeight() - snappedTopInset() - snappedBottomInset() - badge.getHeight()) / 2);
    }
}
