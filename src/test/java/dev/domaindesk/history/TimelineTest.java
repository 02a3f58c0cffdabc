package dev.domaindesk.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.domaindesk.domains.CheckState;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Timeline#summary}: days alone while they tell the spans apart, the time as well where they would not. */
class TimelineTest {
    private static HistoryEntry entry(String since, CheckState state) {
        return new HistoryEntry("r1", "d1", Instant.parse(since), state, List.of(), List.of());
    }

    private static String summary(Instant lastChecked, Instant now, HistoryEntry... entries) {
        return Timeline.summary(Timeline.spans(List.of(entries), lastChecked), ZoneOffset.UTC, now);
    }

    @Test
    void spansOnDaysApartReadByDayAlone() {
        assertEquals("since 5 Nov verified; 3 Nov–5 Nov missing; 1 Nov–3 Nov verified",
                summary(Instant.parse("2026-11-06T09:00:00Z"), Instant.parse("2026-11-06T10:00:00Z"),
                        entry("2026-11-01T09:00:00Z", CheckState.VERIFIED),
                        entry("2026-11-03T09:00:00Z", CheckState.MISSING),
                        entry("2026-11-05T09:00:00Z", CheckState.VERIFIED)));
    }

    @Test
    void spansOfTheSameDayShowTheirTimes() {
        // was "since 7 Dec missing; 7 Dec verified; 7 Dec missing"
        assertEquals("since 7 Dec 15:58 missing; 7 Dec 15:40–15:58 verified; 7 Dec 15:20–15:40 missing",
                summary(Instant.parse("2026-12-07T16:10:00Z"), Instant.parse("2026-12-07T16:20:00Z"),
                        entry("2026-12-07T15:20:00Z", CheckState.MISSING),
                        entry("2026-12-07T15:40:00Z", CheckState.VERIFIED),
                        entry("2026-12-07T15:58:00Z", CheckState.MISSING)));
    }

    @Test
    void onlyTheSharedDayAndTodayShowTimes() {
        assertEquals("since 5 Nov 17:00 verified; 5 Nov 09:00–17:00 missing; 1 Nov–5 Nov 09:00 verified",
                summary(Instant.parse("2026-11-06T09:00:00Z"), Instant.parse("2026-11-06T10:00:00Z"),
                        entry("2026-11-01T09:00:00Z", CheckState.VERIFIED),
                        entry("2026-11-05T09:00:00Z", CheckState.MISSING),
                        entry("2026-11-05T17:00:00Z", CheckState.VERIFIED)));
        assertEquals("since 7 Dec 08:00 verified; 1 Nov–7 Dec 08:00 missing",
                summary(Instant.parse("2026-12-07T12:00:00Z"), Instant.parse("2026-12-07T12:30:00Z"),
                        entry("2026-11-01T09:00:00Z", CheckState.MISSING),
                        entry("2026-12-07T08:00:00Z", CheckState.VERIFIED)));
    }
}
