package dev.domaindesk.api.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.domaindesk.api.json.ServiceJson;
import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.RecordType;
import java.util.List;
import java.util.Optional;

/** The service's {@code authRecommendations}: SPF and DMARC records to publish when they are not verified. */
final class AuthRecommendations {
    private AuthRecommendations() {
    }

    /** The recommendations, or null when SPF and DMARC are both verified. */
    static JsonNode of(Domain domain, List<DnsRecord> records) {
        String name = domain.name().ascii();
        ObjectNode result = ServiceJson.mapper().createObjectNode();
        Optional<DnsRecord> spf = find(records, name, "v=spf1");
        if (spf.isEmpty() || spf.get().checkState() != CheckState.VERIFIED) {
            put(result, "spf", name, spf.map(DnsRecord::value).orElse("v=spf1 include:amazonses.com ~all"),
                    "SPF lets receivers check that mail for " + name + " may come from Amazon SES.");
        }
        Optional<DnsRecord> dmarc = find(records, "_dmarc." + name, "v=DMARC1");
        if (dmarc.isEmpty() || dmarc.get().checkState() != CheckState.VERIFIED) {
            put(result, "dmarc", "_dmarc." + name, dmarc.map(DnsRecord::value)
                    .orElse("v=DMARC1; p=none; rua=mailto:dmarc@" + name),
                    "DMARC tells receivers what to do with mail that fails SPF and DKIM, and where to report.");
        }
        return result.isEmpty() ? null : result;
    }

    private static Optional<DnsRecord> find(List<DnsRecord> records, String name, String prefix) {
        return records.stream().filter(r -> r.recordType() == RecordType.TXT && r.name().equals(name)
                && r.value().regionMatches(true, 0, prefix, 0, prefix.length())).findFirst();
    }

    private static void put(ObjectNode result, String kind, String name, String value, String description) {
        ObjectNode node = result.putObject(kind);
        node.put("name", name);
        node.put("value", value);
        node.put("description", description);
    }
}
