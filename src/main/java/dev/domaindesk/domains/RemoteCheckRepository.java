package dev.domaindesk.domains;

import dev.domaindesk.domains.DomainStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Where the service's own check of a domain is kept, beside DomainDesk's. */
public interface RemoteCheckRepository {

    /** The service's check as it answered: its JSON objects verbatim. */
    record Stored(String domainId, Instant checkedAt, String verificationCheckJson, String authRecommendationsJson) {
    }

    /**
     * In one transaction: the service's status of the domain, its isVerified per matched record, and the check
     * itself. Returns false when the domain was removed meanwhile (nothing is written then).
     */
    boolean save(String domainId, DomainStatus serviceStatus, Map<String, Boolean> serviceVerifiedByRecordId,
                 Stored check);

    Optional<Stored> find(String domainId);
}
