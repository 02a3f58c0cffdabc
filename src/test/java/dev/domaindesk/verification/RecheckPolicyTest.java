package dev.domaindesk.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.DomainStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecheckPolicyTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final RecheckPolicy policy = new RecheckPolicy(ScheduleSettings.DEFAULTS);

    @Test
    void pendingRecordsCheckedOnScheduleFollowTheLadderThenHourlyThenDaily() {
        List<Long> gaps = new ArrayList<>();
        Instant now = T0;
        while (now.isBefore(T0.plus(Duration.ofHours(75)))) {
            Instant next = policy.nextCheck(DomainStatus.PENDING, T0, CheckState.MISSING, T0, now);
            gaps.add(Duration.between(now, next).toMinutes());
            now = next;
        }
        assertEquals(List.of(1L, 2L, 5L, 10L, 30L, 60L, 60L), gaps.subList(0, 7));
        assertEquals(60L, gaps.get(gaps.size() - 3 - 1), "hourly until the 72 h window ends");
        assertEquals(24 * 60L, gaps.get(gaps.size() - 1), "daily once the window has passed");
        long hourly = gaps.stream().filter(g -> g == 60L).count();
        assertEquals(72, hourly, "after 48 minutes of ladder, hourly gaps from 0:48 until the first check past 72 h");
    }

    @ParameterizedTest
    @CsvSource({
        "VERIFIED, VERIFIED, 360",
        "PENDING, VERIFIED, 360",
        "FAILED, MISSING, 1440",
        "FAILED, VERIFIED, 1440",
        "VERIFIED, DNS_ERROR, 10",
        "VERIFIED, MISMATCH, 60",
    })
    void cadenceByVerdict(DomainStatus status, CheckState state, long minutes) {
        Instant now = T0.plus(Duration.ofHours(5));
        assertEquals(now.plus(Duration.ofMinutes(minutes)), policy.nextCheck(status, T0, state, T0, now));
    }

    @Test
    void theVerifiedCadenceIsASetting() {
        RecheckPolicy hourly = new RecheckPolicy(new ScheduleSettings(Duration.ofMinutes(45), Duration.ofHours(72), 10));
        assertEquals(T0.plus(Duration.ofMinutes(45)),
                hourly.nextCheck(DomainStatus.VERIFIED, null, CheckState.VERIFIED, T0, T0));
    }

    @Test
    void withoutAPendingStartTheRecordsCreationCounts() {
        Instant created = T0.minus(Duration.ofMinutes(4));
        assertEquals(T0.plus(Duration.ofMinutes(5)),
                policy.nextCheck(DomainStatus.PENDING, null, CheckState.UNCHECKED, created, T0));
    }

    @Test
    void offlineRetriesGrowAndStayAtThirtyMinutes() {
        List<Long> gaps = new ArrayList<>();
        for (int attempt = 0; attempt < 8; attempt++) {
            gaps.add(RecheckPolicy.offlineGap(attempt).toMinutes());
        }
        assertEquals(List.of(1L, 2L, 5L, 10L, 30L, 30L, 30L, 30L), gaps);
    }
}
