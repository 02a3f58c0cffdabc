package dev.domaindesk.api.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** The body of {@code GET /api/v2/domains/{id}/dns-records}. */
@JsonPropertyOrder({"domainId", "domain", "records"})
public record DnsRecordsDocument(
        @JsonProperty("domainId") String domainId,
        @JsonProperty("domain") String domain,
        @JsonProperty("records") List<RecordJson> records) {
}
