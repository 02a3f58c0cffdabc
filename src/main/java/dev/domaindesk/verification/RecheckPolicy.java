package dev.domaindesk.verification;

import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * When a record is due again, from its last verdict alone (so the schedule survives restarts without extra state).
 *
 * <ul>
 *   <li>verified records: every {@link ScheduleSettings#verifiedCadence()} (default 6 h);</li>
 *   <li>records of a pending domain: backing off with the time the domain has been pending, 1, 2, 5, 10 and 30
 *       minutes apart, then hourly until the fail window ends;</li>
 *   <li>records of a failed domain, or pending past the fail window: daily;</li>
 *   <li>a DNS error (timeout, SERVFAIL) never waits the verified cadence: pending ladder, or 10 minutes.</li>
 * </ul>
 */
public final class RecheckPolicy {
    /** The pending ladder: gaps between checks, from the moment the domain became pending. */
    public static final List<Duration> PENDING_BACKOFF = List.of(Duration.ofMinutes(1), Duration.ofMinutes(2),
            Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(30));
    public static final Duration PENDING_AFTER_LADDER = Duration.ofHours(1);
    public static final Duration FAILED_CADENCE = Duration.ofDays(1);
    /** A DNS error (timeout, SERVFAIL) on a verified domain's record is retried this soon, not at the cadence. */
    public static final Duration DNS_ERROR_RETRY = Duration.ofMinutes(10);
    /** Retry gaps while the network is down: 1, 2, 5, 10, 30 minutes, then every 30 minutes. */
    public static final List<Duration> OFFLINE_BACKOFF = PENDING_BACKOFF;

    private final ScheduleSettings settings;

    public RecheckPolicy(ScheduleSettings settings) {
        this.settings = settings;
    }

    public ScheduleSettings settings() {
        return settings;
    }

    /** The next due time of {@code record} checked at {@code now}, in {@code domain} as it stands after the check. */
    public Instant nextCheck(Domain domain, DnsRecord record, Instant now) {
        return nextCheck(domain.status(), domain.pendingSince(), record.checkState(), record.createdAt(), now);
    }

    /** The same from the bare facts: the domain's status and pending start, the record's verdict and creation. */
    public Instant nextCheck(DomainStatus status, Instant pendingSince, CheckState state, Instant createdAt,
                             Instant now) {
        if (status == DomainStatus.FAILED) {
            return now.plus(FAILED_CADENCE);
        }
        if (state == CheckState.VERIFIED) {
            return now.plus(settings.verifiedCadence());
        }
        if (state == CheckState.DNS_ERROR && status == DomainStatus.VERIFIED) {
            return now.plus(min(settings.verifiedCadence(), DNS_ERROR_RETRY));
        }
        Instant since = pendingSince != null ? pendingSince : createdAt;
        return now.plus(pendingGap(since == null || since.isAfter(now) ? Duration.ZERO : Duration.between(since, now)));
    }

    /** The gap before the next check of a record that has been pending for {@code pendingFor}. */
    public Duration pendingGap(Duration pendingFor) {
        if (pendingFor.compareTo(settings.failAfter()) >= 0) {
            return FAILED_CADENCE;
        }
        Duration reached = Duration.ZERO;
        for (Duration gap : PENDING_BACKOFF) {
            reached = reached.plus(gap);
            if (pendingFor.compareTo(reached) < 0) {
                return gap;
            }
        }
        return PENDING_AFTER_LADDER;
    }

    /** The wait before probing again after the {@code attempt}-th run (0-based) in a row found the network down. */
    public static Duration offlineGap(int attempt) {
        return OFFLINE_BACKOFF.get(Math.min(Math.max(attempt, 0), OFFLINE_BACKOFF.size() - 1));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
