package dev.domaindesk.ui.shell;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DisplayTest {
    @Test
    void linuxNeedsADisplayOrAWaylandSession() {
        assertFalse(Display.available("Linux", Map.of(), null));
        assertFalse(Display.available("Linux", Map.of("DISPLAY", ""), null));
        assertTrue(Display.available("Linux", Map.of("DISPLAY", ":0"), null));
        assertTrue(Display.available("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0"), null));
        assertTrue(Display.available("Linux", Map.of(), "Monocle"), "a headless glass platform needs no display");
        assertTrue(Display.available("Mac OS X", Map.of(), null));
        assertTrue(Display.available("Windows 11", Map.of(), null));
    }

    @Test
    void aToolkitThatCannotOpenTheDisplayIsRecognised() {
        assertTrue(Display.isDisplayFailure(new RuntimeException(new UnsupportedOperationException("Unable to open DISPLAY"))));
        assertFalse(Display.isDisplayFailure(new RuntimeException("something else")));
    }
}
