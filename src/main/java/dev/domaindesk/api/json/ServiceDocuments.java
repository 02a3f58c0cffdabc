package dev.domaindesk.api.json;

import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainStatus;
import dev.domaindesk.domains.DomainWithRecords;
import java.util.List;
import java.util.Map;

/** Maps DomainDesk's model to the service's documents. */
public final class ServiceDocuments {
    private ServiceDocuments() {
    }

    public static RecordJson record(DnsRecord r) {
        return new RecordJson(r.id(), r.domainId(), r.recordType().name(), r.name(), r.value(), r.priority(),
                r.isRequired(), r.isVerified(), r.lastChecked(), r.createdAt(), r.updatedAt());
    }

    public static DnsRecordsDocument dnsRecords(DomainWithRecords d) {
        return new DnsRecordsDocument(d.domain().id(), d.domain().name().ascii(),
                d.records().stream().map(ServiceDocuments::record).toList());
    }

    public static DomainJson domain(Domain d) {
        Domain.ServiceFields p = d.provider() == null ? Domain.ServiceFields.NONE : d.provider();
        return new DomainJson(d.id(), d.name().ascii(), d.status().wire(), p.canReceiveEmails(), p.hasMxRecords(),
                p.domainProvider(), p.providerConfidence(), d.lastDnsCheck(), p.lastSesCheck(), p.isCatchAllEnabled(),
                d.createdAt(), d.updatedAt());
    }

    /**
     * A list document for one page.
     *
     * @param counts       domains per status over the whole store (for {@code meta})
     * @param catchAll     how many domains have catch-all enabled
     */
    public static DomainListDocument list(List<Domain> page, int limit, int offset, int total,
                                          Map<DomainStatus, Integer> counts, int catchAll) {
        int verified = counts.getOrDefault(DomainStatus.VERIFIED, 0);
        int all = counts.values().stream().mapToInt(Integer::intValue).sum();
        return new DomainListDocument(
                page.stream().map(ServiceDocuments::domain).toList(),
                new DomainListDocument.Pagination(limit, offset, total, offset + page.size() < total),
                new DomainListDocument.Meta(all, verified, catchAll, new DomainListDocument.StatusBreakdown(
                        verified, counts.getOrDefault(DomainStatus.PENDING, 0),
                        counts.getOrDefault(DomainStatus.FAILED, 0))));
    }
}
