package dev.domaindesk.verification;

import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Pure rules for what a verdict does to a record, and what a domain's records make of its status. */
public final class Verdicts {
    /** How long a domain may stay pending before it counts as failed (setting {@code schedule.failAfterHours}). */
    public static final Duration DEFAULT_FAIL_AFTER = Duration.ofHours(72);

    private Verdicts() {
    }

    /**
     * The record after a check: verified on VERIFIED, not verified on MISMATCH or MISSING, unchanged on DNS_ERROR
     * (a DNS failure proves nothing). {@code regressed} becomes true when a verified record is lost and stays so
     * until it is verified again.
     */
    public static DnsRecord apply(DnsRecord record, RecordVerdict verdict) {
        boolean verified = switch (verdict.state()) {
            case VERIFIED -> true;
            case MISMATCH, MISSING -> false;
            case DNS_ERROR, UNCHECKED -> record.isVerified();
        };
        boolean regressed = switch (verdict.state()) {
            case VERIFIED -> false;
            case MISMATCH, MISSING -> record.regressed() || record.isVerified();
            case DNS_ERROR, UNCHECKED -> record.regressed();
        };
        return record.withCheck(verified, verdict.state(), verdict.found(), verdict.diagnoses(), regressed,
                verdict.checkedAt());
    }

    /**
     * The domain's status from its records (already updated): verified when every required record is verified;
     * otherwise pending, or failed once it has been pending for longer than {@code failAfter}. {@code pendingSince}
     * is set when the domain leaves verified (or had none) and cleared when it becomes verified.
     */
    public static Domain status(Domain domain, List<DnsRecord> records, Instant now, Duration failAfter) {
        boolean allVerified = records.stream().filter(DnsRecord::isRequired).allMatch(DnsRecord::isVerified);
        DomainStatus status;
        Instant pendingSince;
        if (allVerified) {
            status = DomainStatus.VERIFIED;
            pendingSince = null;
        } else {
            boolean wasWaiting = domain.status() != DomainStatus.VERIFIED && domain.pendingSince() != null;
            pendingSince = wasWaiting ? domain.pendingSince() : now;
            status = Duration.between(pendingSince, now).compareTo(failAfter) > 0 ? DomainStatus.FAILED : DomainStatus.PENDING;
        }
        Instant updated = status == domain.status() ? domain.updatedAt() : now;
        return new Domain(domain.id(), domain.name(), status, domain.profile(), domain.createdAt(), updated, now,
                pendingSince, domain.serviceStatus(), domain.provider(), domain.zone());
    }

    /** True when the state counts as "checked and not verified" (as opposed to verified or unknown). */
    public static boolean notVerified(CheckState state) {
        return state == CheckState.MISMATCH || state == CheckState.MISSING;
    }
}
