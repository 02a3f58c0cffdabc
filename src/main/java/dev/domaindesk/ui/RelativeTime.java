package dev.domaindesk.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** "3 min ago" for people, and the exact local time for a tooltip. */
public final class RelativeTime {
    private static final DateTimeFormatter EXACT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

    private RelativeTime() {
    }

    public static String ago(Instant when, Instant now) {
        if (when == null) {
            return "never";
        }
        long s = Duration.between(when, now).getSeconds();
        if (s < 0) {
            return in(now, when);
        }
        if (s < 45) {
            return "just now";
        }
        long minutes = Math.max(1, Math.round(s / 60.0));
        if (minutes < 60) {
            return minutes + " min ago";
        }
        if (s < 86400) {
            return Math.max(1, s / 3600) + " h ago";
        }
        long days = s / 86400;
        return days == 1 ? "yesterday" : days + " days ago";
    }

    public static String in(Instant now, Instant when) {
        if (when == null) {
            return "not scheduled";
        }
        long s = Duration.between(now, when).getSeconds();
        if (s < 60) {
            return "in under a minute";
        }
        if (s < 3600) {
            return "in " + Math.round(s / 60.0) + " min";
        }
        return "in " + s / 3600 + " h " + (s % 3600) / 60 + " min";
    }

    public static String exact(Instant when, ZoneId zone) {
        return when == null ? "never checked" : EXACT.format(when.atZone(zone));
    }
}
