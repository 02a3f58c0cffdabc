package dev.domaindesk.history;

import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.Diagnosis;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A record's history as spans: what checks found from when until when, newest first. */
public final class Timeline {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_YEAR = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

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

    /**
     * One line an admin reads: "since 12 Nov verified; 3 Nov–5 Nov missing; …", in {@code zone}, newest first. A
     * start or end on a day that holds another start or end, or on today, also shows its time ("since 7 Dec 15:58"):
     * by day alone, spans of the same day read alike.
     */
    public static String summary(List<Span> spans, ZoneId zone, Instant now) {
        Set<LocalDate> timed = timedDays(spans, zone, now);
        List<String> parts = new ArrayList<>();
        for (Span s : spans) {
            parts.add(s.current() ? "since " + when(s.from(), zone, now, timed) + " " + word(s.state())
                    : range(s.from(), s.until(), zone, now, timed) + " " + word(s.state()));
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

    /** The days on which a shown start or end needs its time: today, and days with more than one distinct boundary. */
    private static Set<LocalDate> timedDays(List<Span> spans, ZoneId zone, Instant now) {
        Set<Instant> shown = new HashSet<>();
        for (Span s : spans) {
            shown.add(s.from());
            if (!s.current() && s.until() != null) {
                shown.add(s.until());
            }
        }
        Map<LocalDate, Integer> perDay = new HashMap<>();
        shown.forEach(at -> perDay.merge(at.atZone(zone).toLocalDate(), 1, Integer::sum));
        Set<LocalDate> timed = new HashSet<>();
        perDay.forEach((day, count) -> {
            if (count > 1) {
                timed.add(day);
            }
        });
        timed.add(now.atZone(zone).toLocalDate());
        return timed;
    }

    private static String range(Instant from, Instant until, ZoneId zone, Instant now, Set<LocalDate> timed) {
        String a = when(from, zone, now, timed);
        if (until == null) {
            return a;
        }
        String b = when(until, zone, now, timed);
        if (a.equals(b)) {
            return a;
        }
        boolean sameDay = from.atZone(zone).toLocalDate().equals(until.atZone(zone).toLocalDate());
        // "7 Dec 15:40–15:58": the day once when both ends show their time on it
        return sameDay && timed.contains(from.atZone(zone).toLocalDate())
                ? a + "–" + TIME.format(until.atZone(zone)) : a + "–" + b;
    }

    private static String when(Instant at, ZoneId zone, Instant now, Set<LocalDate> timed) {
        String day = day(at, zone, now);
        return timed.contains(at.atZone(zone).toLocalDate()) ? day + " " + TIME.format(at.atZone(zone)) : day;
    }

    private static String day(Instant at, ZoneId zone, Instant now) {
        boolean thisYear = at.atZone(zone).getYear() == now.atZone(zone).getYear();
        return (thisYear ? DAY : DAY_YEAR).format(at.atZone(zone));
    }
}
