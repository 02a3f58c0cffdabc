package dev.domaindesk.files;

import java.util.Locale;

/** What {@code export} writes. */
public enum ExportFormat {
    JSON, CSV, ZONE;

    public static ExportFormat parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown format '" + text + "' (expected json, csv or zone)");
        }
    }
}
