package dev.domaindesk.api.client;

import java.time.Instant;
import java.util.List;

/**
 * The service's own check of one domain, with DomainDesk's verdict beside each record it matched.
 *
 * @param serviceStatus the domain's status as the service now reports it
 * @param sesStatus     Success | Pending | Failed | NotFound | Error | Unknown, or null when not given
 */
public record RemoteCheckResult(String domainId, String domain, String serviceStatus, String sesStatus,
                                String dkimStatus, String mailFromStatus, Boolean isFullyVerified,
                                List<RecordVerdict> records, List<Recommendation> recommendations, Instant checkedAt) {

    /** One record as the service checked it; {@code ourVerdict} null when DomainDesk has no such record. */
    public record RecordVerdict(String type, String name, String value, boolean serviceVerified, String error,
                                String ourVerdict) {
    }

    /** One of the service's {@code authRecommendations} (spf, dmarc). */
    public record Recommendation(String kind, String name, String value, String description) {
    }

    public RemoteCheckResult {
        records = List.copyOf(records);
        recommendations = List.copyOf(recommendations);
    }
}
