package dev.domaindesk.domains;

import java.time.Instant;

/**
 * A domain as the service's list document holds it, plus what DomainDesk keeps of its own.
 *
 * @param pendingSince      when the domain last entered pending (for the 72 h "failed" rule)
 * @param serviceStatus     the service's own status as last synced, null when never synced
 * @param provider          fields the service reports and DomainDesk keeps for lossless round trips
 * @param zone              the DNS zone holding the domain (its SOA owner, learnt by a check), null until known
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
        ServiceFields provider,
        DomainName zone) {

    /** A domain whose zone is not known yet. */
    public Domain(String id, DomainName name, DomainStatus status, String profile, Instant createdAt,
                  Instant updatedAt, Instant lastDnsCheck, Instant pendingSince, DomainStatus serviceStatus,
                  ServiceFields provider) {
        this(id, name, status, profile, createdAt, updatedAt, lastDnsCheck, pendingSince, serviceStatus, provider, null);
    }

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
        return new Domain(id, name, newStatus, profile, createdAt, now, lastDnsCheck, since, serviceStatus, provider, zone);
    }

    public Domain withLastDnsCheck(Instant when) {
        return new Domain(id, name, status, profile, createdAt, updatedAt, when, pendingSince, serviceStatus, provider, zone);
    }

    /** The same domain in {@code learnt} (null keeps the zone already known). */
    public Domain withZone(DomainName learnt) {
        return learnt == null ? this
                : new Domain(id, name, status, profile, createdAt, updatedAt, lastDnsCheck, pendingSince, serviceStatus,
                provider, learnt);
    }

    public boolean zoneKnown() {
        return zone != null;
    }

    /**
     * {@code recordName} as a provider's panel for the zone wants it: relative to the zone apex
     * ({@code _dmarc.mail} for {@code _dmarc.mail.example.com} in {@code example.com}), "@" at the apex. Until the
     * zone is known, relative to the domain itself, which is right only when the domain is its zone's apex.
     */
    public String hostOf(String recordName) {
        DomainName apex = zone != null && name.isWithin(zone) ? zone : name;
        return DomainName.parseRecordName(recordName).relativeTo(apex);
    }
}
