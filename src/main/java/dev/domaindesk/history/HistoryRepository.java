package dev.domaindesk.history;

import java.time.Instant;
import java.util.List;

/** Where record history lives; a check that changes a record's result records it in its own transaction. */
public interface HistoryRepository {

    /** Every entry of the domain's checked records, the current result included, by record, oldest first. */
    List<HistoryEntry> ofDomain(String domainId);

    /** Removes past results that ended before {@code cutoff} (a record's current result stays). Returns how many. */
    int pruneBefore(Instant cutoff);
}
