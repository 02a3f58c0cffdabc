package dev.domaindesk.api.client;

import java.time.Instant;
import java.util.List;

/**
 * What a sync did.
 *
 * @param disagreements records where the service's isVerified and DomainDesk's own check differ
 */
public record SyncReport(String endpoint, int domains, int records, int added, int updated, int removed,
                         int removedRecords, List<Disagreement> disagreements, Instant finishedAt) {

    /** One record the service and DomainDesk judge differently. */
    public record Disagreement(String domain, String recordType, String name, boolean serviceVerified,
                               String ourVerdict) {
        @Override
        public String toString() {
            return domain + " " + recordType + " " + name + ": service says " + (serviceVerified ? "verified" : "not verified")
                    + ", DomainDesk says " + ourVerdict;
        }
    }

    public SyncReport {
        disagreements = List.copyOf(disagreements);
    }
}
