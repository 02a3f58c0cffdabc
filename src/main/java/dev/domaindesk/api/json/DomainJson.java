package dev.domaindesk.api.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/** One domain of the list document ({@code GET /api/v2/domains}) or of {@code GET /api/v2/domains/{id}}. */
@JsonPropertyOrder({"id", "domain", "status", "canReceiveEmails", "hasMxRecords", "domainProvider",
        "providerConfidence", "lastDnsCheck", "lastSesCheck", "isCatchAllEnabled", "createdAt", "updatedAt"})
public record DomainJson(
        @JsonProperty("id") String id,
        @JsonProperty("domain") String domain,
        @JsonProperty("status") String status,
        @JsonProperty("canReceiveEmails") Boolean canReceiveEmails,
        @JsonProperty("hasMxRecords") Boolean hasMxRecords,
        @JsonProperty("domainProvider") String domainProvider,
        @JsonProperty("providerConfidence") String providerConfidence,
        @JsonProperty("lastDnsCheck") Instant lastDnsCheck,
        @JsonProperty("lastSesCheck") Instant lastSesCheck,
        @JsonProperty("isCatchAllEnabled") Boolean isCatchAllEnabled,
        @JsonProperty("createdAt") Instant createdAt,
        @JsonProperty("updatedAt") Instant updatedAt) {
}
