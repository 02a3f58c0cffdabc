package dev.domaindesk.api.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.domaindesk.files.DocumentReader;
import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainStatus;
import dev.domaindesk.domains.DomainWithRecords;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns what the service said into DomainDesk's model, keeping both verdicts: the service's status and isVerified go
 * to {@code serviceStatus}/{@code serviceVerified}; where DomainDesk has checked an unchanged record itself, its own
 * status, isVerified and lastChecked stay.
 */
final class SyncMapper {
    private final Instant now;

    SyncMapper(Instant now) {
        this.now = now;
    }

    DomainWithRecords map(DocumentReader.DomainEntry entry, DocumentReader.RecordsEntry doc, Domain existing,
                          Map<String, DnsRecord> previousById) {
        List<DnsRecord> records = doc.records().stream().map(r -> record(r, previousById.get(r.id()))).toList();
        boolean checkedByUs = existing != null && records.stream().anyMatch(r -> previousById.containsKey(r.id())
                && previousById.get(r.id()).checkState() != CheckState.UNCHECKED);
        return new DomainWithRecords(domain(entry, existing, checkedByUs), records);
    }

    private Domain domain(DocumentReader.DomainEntry entry, Domain existing, boolean keepOurStatus) {
        JsonNode f = entry.fields();
        DomainStatus service = entry.status() == null ? null : DomainStatus.parse(entry.status());
        DomainStatus status = keepOurStatus ? existing.status()
                : service != null ? service : existing != null ? existing.status() : DomainStatus.PENDING;
        Instant created = instant(f, "createdAt", existing == null ? now : existing.createdAt());
        Instant updated = instant(f, "updatedAt", now);
        Instant pendingSince = status == DomainStatus.VERIFIED ? null
                : existing != null && existing.pendingSince() != null ? existing.pendingSince() : created;
        Instant lastDnsCheck = keepOurStatus ? existing.lastDnsCheck() : instant(f, "lastDnsCheck", null);
        return new Domain(entry.id(), entry.domain(), status, existing == null ? null : existing.profile(), created,
                updated, lastDnsCheck, pendingSince, service,
                new Domain.ServiceFields(bool(f, "canReceiveEmails"), bool(f, "hasMxRecords"),
                        text(f, "domainProvider"), text(f, "providerConfidence"), instant(f, "lastSesCheck", null),
                        bool(f, "isCatchAllEnabled")));
    }

    private static DnsRecord record(DnsRecord fromService, DnsRecord previous) {
        boolean ours = previous != null && previous.checkState() != CheckState.UNCHECKED
                && previous.recordType() == fromService.recordType() && previous.name().equals(fromService.name())
                && previous.value().equals(fromService.value())
                && Objects.equals(previous.priority(), fromService.priority());
        return new DnsRecord(fromService.id(), fromService.domainId(), fromService.recordType(), fromService.name(),
                fromService.value(), fromService.priority(), fromService.isRequired(),
                ours ? previous.isVerified() : fromService.isVerified(),
                ours ? previous.lastChecked() : fromService.lastChecked(), fromService.createdAt(),
                fromService.updatedAt(), CheckState.UNCHECKED, List.of(), List.of(), false, null,
                fromService.isVerified());
    }

    private static Instant instant(JsonNode node, String field, Instant absent) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? absent : Instant.parse(v.asText());
    }

    private static Boolean bool(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.booleanValue();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
