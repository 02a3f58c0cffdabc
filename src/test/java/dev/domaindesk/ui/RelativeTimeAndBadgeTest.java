package dev.domaindesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.DomainStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RelativeTimeAndBadgeTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @ParameterizedTest
    @CsvSource({"10, just now", "100, 2 min ago", "3599, 1 h ago", "7300, 2 h ago", "90000, yesterday",
        "300000, 3 days ago"})
    void agoReadsLikeAPerson(long secondsAgo, String expected) {
        assertEquals(expected, RelativeTime.ago(NOW.minusSeconds(secondsAgo), NOW));
    }

    @ParameterizedTest
    @CsvSource({"30, in under a minute", "720, in 12 min", "5400, in 1 h 30 min"})
    void inReadsLikeAPerson(long secondsAhead, String expected) {
        assertEquals(expected, RelativeTime.in(NOW, NOW.plus(Duration.ofSeconds(secondsAhead))));
    }

    @ParameterizedTest
    @CsvSource({
        "VERIFIED, false, false, VERIFIED, verified, badge-ok",
        "UNCHECKED, false, false, PENDING, pending, badge-warn",
        "MISSING, false, false, MISSING, missing, badge-warn",
        "MISSING, true, false, BROKEN, broken, badge-bad",
        "MISMATCH, false, false, MISMATCH, mismatch, badge-bad",
        "DNS_ERROR, false, false, DNS_ERROR, couldn't check, badge-muted",
        "VERIFIED, false, true, CHECKING, checking, badge-info"
    })
    void everyRecordStateHasAWordAndATone(CheckState state, boolean regressed, boolean checking, Badge badge,
                                          String word, String tone) {
        assertEquals(badge, Badge.of(state, regressed, checking));
        assertEquals(word, badge.word());
        assertEquals(tone, badge.styleClass());
    }

    @ParameterizedTest
    @CsvSource({"VERIFIED, badge-ok", "PENDING, badge-warn", "FAILED, badge-bad"})
    void domainStatusesHaveTones(DomainStatus status, String tone) {
        assertEquals(tone, Badge.of(status).styleClass());
        assertEquals(status.wire(), Badge.of(status).word());
    }
}
