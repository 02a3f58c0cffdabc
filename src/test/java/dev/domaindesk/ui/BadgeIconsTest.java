package dev.domaindesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import org.junit.jupiter.api.Test;

class BadgeIconsTest {
    /** Runs without a toolkit, as the window calls it on a background thread; every badge has its own glyph. */
    @Test
    void everyBadgeHasItsOwnIconLoadableOffTheFxThread() {
        assertEquals(Badge.values().length, new HashSet<>(BadgeIcons.all()).size());
    }
}
