package dev.domaindesk.verification;

import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.DomainStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the re-check scheduler asks of the store: which domains are due, and moving due times. */
public interface ScheduleRepository {

    /** What the schedule needs to know of one record and its domain. */
    record ScheduleRow(String recordId, String domainId, CheckState checkState, Instant createdAt,
                       Instant nextCheckAt, DomainStatus domainStatus, Instant pendingSince) {
    }

    /** Up to {@code limit} domains with a record due at {@code now} (never scheduled counts as due), longest overdue first. */
    List<String> dueDomains(Instant now, int limit);

    /**
     * Up to {@code limit} due domains for this process to check now. Where several processes re-check side by side
     * (a PostgreSQL store), each domain returned is claimed for a while, so no other process is given it meanwhile.
     */
    default List<String> claimDue(Instant now, int limit) {
        return dueDomains(now, limit);
    }

    /** Gives up this process's claims (a pass ended), so what it did not check goes to another process at once. */
    default void releaseClaims() {
    }

    /** Every domain's id, for "check all". */
    List<String> allDomainIds();

    /** How many domains have a record due at {@code now}. */
    int countDue(Instant now);

    /** The earliest due time of any record; {@link Instant#EPOCH} when one was never scheduled; empty when none. */
    Optional<Instant> earliestDue();

    /** The schedule facts of every record of the given domains (missing domains are simply absent). */
    List<ScheduleRow> rows(Collection<String> domainIds);

    /** Sets the next due time of each record, in one transaction; records removed meanwhile are skipped. */
    int reschedule(Map<String, Instant> nextByRecordId);
}
