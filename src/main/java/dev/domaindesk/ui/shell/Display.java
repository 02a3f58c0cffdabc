package dev.domaindesk.ui.shell;

import java.util.Locale;
import java.util.Map;

/** Whether there is a desktop to open the window on, asked before JavaFX fails with a stack trace. */
final class Display {
    private Display() {
    }

    static boolean available() {
        return available(System.getProperty("os.name"), System.getenv(), System.getProperty("glass.platform"));
    }

    /**
     * On Linux and other X11 systems the window needs DISPLAY (or a Wayland session with XWayland); macOS and Windows
     * always have a desktop. A chosen glass platform (Monocle, headless) needs none.
     */
    static boolean available(String osName, Map<String, String> env, String glassPlatform) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (glassPlatform != null || os.contains("win") || os.contains("mac")) {
            return true;
        }
        return !env.getOrDefault("DISPLAY", "").isBlank() || !env.getOrDefault("WAYLAND_DISPLAY", "").isBlank();
    }

    /** True when the toolkit could not start because it could not open the display. */
    static boolean isDisplayFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnsupportedOperationException && t.getMessage() != null && t.getMessage().contains("DISPLAY")) {
                return true;
            }
        }
        return false;
    }
}
