package dev.domaindesk.settings;

import java.util.Locale;
import java.util.Optional;

/**
 * Where the main window was and how big, remembered between runs, with its two movable splits: between the domain
 * list and the domain pane, and between the records table and the record's details (fractions; negative: the
 * window's default).
 */
public record WindowPlacement(double x, double y, double width, double height, boolean maximized,
                              double listSplit, double detailsSplit) {

    public WindowPlacement(double x, double y, double width, double height, boolean maximized) {
        this(x, y, width, height, maximized, -1, -1);
    }

    public WindowPlacement withSplits(double list, double details) {
        return new WindowPlacement(x, y, width, height, maximized, list, details);
    }

    public String wire() {
        return String.format(Locale.ROOT, "%.0f,%.0f,%.0f,%.0f,%b,%.4f,%.4f", x, y, width, height, maximized,
                listSplit, detailsSplit);
    }

    /** Reads {@link #wire()}; a line without the splits (written before they were remembered) gives the defaults. */
    public static Optional<WindowPlacement> parse(String text) {
        String[] parts = text.split(",");
        if (parts.length != 5 && parts.length != 7) {
            return Optional.empty();
        }
        try {
            WindowPlacement p = new WindowPlacement(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]),
                    Double.parseDouble(parts[2]), Double.parseDouble(parts[3]), Boolean.parseBoolean(parts[4]),
                    parts.length == 7 ? split(parts[5]) : -1, parts.length == 7 ? split(parts[6]) : -1);
            return p.width() >= 200 && p.height() >= 150 ? Optional.of(p) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static double split(String text) {
        double f = Double.parseDouble(text);
        return f > 0.05 && f < 0.95 ? f : -1;
    }
}
