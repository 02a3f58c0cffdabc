package dev.domaindesk.verification;

import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import java.util.List;

/** Hears about a check run. Called on DNS or storage threads: never touch the UI from here directly. */
public interface CheckListener {
    CheckListener NONE = new CheckListener() { };

    /** How many of the run's records have a verdict so far. */
    default void progress(int doneRecords, int totalRecords) {
    }

    /** A batch of results was committed to the store (domains with their new status, and their records). */
    default void stored(List<Domain> domains, List<DnsRecord> records) {
    }
}
