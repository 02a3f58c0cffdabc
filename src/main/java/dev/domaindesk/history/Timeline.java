package dev.domaindesk.history;

import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.Diagnosis;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A record's history as spans: what checks found from when until when, newest first. */
public final class Timeline {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_YEAR = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    /** What checks found from {@code from} until {@code until} (the newest span: until the last check, or null). */
    public record Span(Instant from, Instant until, CheckState state, List<String> found, List<Diagnosis> diagnoses,
                       boolean current) {
    }

    private Timeline() {
    }

    /** The spans of one record's {@code entries} (any order), the newest ending at {@code lastChecked}. */
    public static List<Span> spans(List<HistoryEntry> entries, Instant lastChecked) {
        List<HistoryEntry> sorted = entries.stream().sorted((a, b) -> a.since().compareTo(b.since())).toList();
        List<Span> spans = new ArrayList<>();
        for (int i = sorted.size() - 1; i >= 0; i--) {
            HistoryEntry e = sorted.get(i);
            boolean current = i == sorted.size() - 1;
            Instant until = current ? lastChecked : sorted.get(i + 1).since();
            spans.add(new Span(e.since(), until, e.state(), e.found(), e.diagnoses(), current));
        }
        return spans;
    }

    /** One line an admin reads: "since 12 Nov verified; 3–5 Nov missing; …", in {@code zone}, newest first. */
    public static String summary(List<Span> spans, ZoneId zone, Instant now) {
        List<String> parts = new ArrayList<>();
        for (Span s : spans) {
            parts.add(s.current() ? "since " + day(s.from(), zone, now) + " " + word(s.state())
                    : range(s.from(), s.until(), zone, now) + " " + word(s.state()));
        }
        return parts.isEmpty() ? "no history yet" : String.join("; ", parts);
    }

    /** The state as admins say it. */
    public static String word(CheckState state) {
        return switch (state) {
            case VERIFIED -> "verified";
            case MISMATCH -> "wrong value";
            case MISSING -> "missing";
            case DNS_ERROR -> "couldn't be checked";
            case UNCHECKED -> "not checked";
        };
    }

    private static String range(Instant from, Instant until, ZoneId zone, Instant now) {
        String a = day(from, zone, now);
        String b = until == null ? "" : day(until, zone, now);
        return a.equals(b) || b.isEmpty() ? a : a + "–" + b;
    }

    private static String day(Instant at, ZoneId zone, Instant now) {
        boolean thisYear = at.atZone(zone).getYear() == now.atZone(zone).getYear();
        return (thisYear ? DAY : DAY_YEAR).format(at.atZone(zone));
    }
}
