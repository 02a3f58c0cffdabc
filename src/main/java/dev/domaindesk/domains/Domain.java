package dev.domaindesk.domains;

import java.time.Instant;

/**
 * A domain as the service's list document holds it, plus what DomainDesk keeps of its own.
 *
 * @param pendingSince      when the domain last entered pending (for the 72 h "failed" rule)
 * @param serviceStatus     the service's own status as last synced, null when never synced
 * @param provider          fields the service reports and DomainDesk keeps for lossless round trips
 */
public record Domain(
        String id,
        DomainName name,
        DomainStatus status,
        String profile,
        Instant createdAt,
        Instant updatedAt,
        Instant lastDnsCheck,
        Instant pendingSince,
        DomainStatus serviceStatus,
        ServiceFields provider) {

    /** The service's descriptive fields that DomainDesk does not compute itself (all optional). */
    public record ServiceFields(
            Boolean canReceiveEmails,
            Boolean hasMxRecords,
            String domainProvider,
            String providerConfidence,
            Instant lastSesCheck,
            Boolean isCatchAllEnabled) {
        public static final ServiceFields NONE = new ServiceFields(null, null, null, null, null, null);
    }

    public Domain withStatus(DomainStatus newStatus, Instant now) {
        Instant since = newStatus == DomainStatus.PENDING && status != DomainStatus.PENDING ? now : pendingSince;
        return new Domain(id, name, newStatus, profile, createdAt, now, lastDnsCheck, since, serviceStatus, provider);
    }

    public Domain withLastDnsCheck(Instant when) {
        return new Domain(id, name, status, profile, createdAt, updatedAt, when, pendingSince, serviceStatus, provider);
    }
}
