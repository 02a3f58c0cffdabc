package dev.domaindesk.history;

import java.time.Instant;
import java.util.List;

/** Where record history lives; entries are appended by the check that stores the change, in its transaction. */
public interface HistoryRepository {

    /** Every entry of the domain's records, by record, oldest first. */
    List<HistoryEntry> ofDomain(String domainId);

    /** The domain's newest entries across its records, newest first. */
    List<HistoryEntry> recentOfDomain(String domainId, int limit);

    /**
     * Removes entries that began before {@code cutoff}, except each record's newest one (which still says what the
     * record is now, and since when). Returns how many went.
     */
    int pruneBefore(Instant cutoff);
}
