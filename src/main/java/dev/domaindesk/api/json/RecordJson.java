package dev.domaindesk.api.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/** One record of a dns-records document, field for field as the service writes it. */
@JsonPropertyOrder({"id", "domainId", "recordType", "name", "value", "priority", "isRequired", "isVerified",
        "lastChecked", "createdAt", "updatedAt"})
public record RecordJson(
        @JsonProperty("id") String id,
        @JsonProperty("domainId") String domainId,
        @JsonProperty("recordType") String recordType,
        @JsonProperty("name") String name,
        @JsonProperty("value") String value,
        @JsonProperty("priority") Integer priority,
        @JsonProperty("isRequired") boolean isRequired,
        @JsonProperty("isVerified") boolean isVerified,
        @JsonProperty("lastChecked") Instant lastChecked,
        @JsonProperty("createdAt") Instant createdAt,
        @JsonProperty("updatedAt") Instant updatedAt) {
}
