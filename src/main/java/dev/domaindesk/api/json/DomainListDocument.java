package dev.domaindesk.api.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** The body of {@code GET /api/v2/domains}: a page of domains, its pagination and account-wide counts. */
@JsonPropertyOrder({"data", "pagination", "meta"})
public record DomainListDocument(
        @JsonProperty("data") List<DomainJson> data,
        @JsonProperty("pagination") Pagination pagination,
        @JsonProperty("meta") Meta meta) {

    @JsonPropertyOrder({"limit", "offset", "total", "hasMore"})
    public record Pagination(
            @JsonProperty("limit") int limit,
            @JsonProperty("offset") int offset,
            @JsonProperty("total") int total,
            @JsonProperty("hasMore") boolean hasMore) {
    }

    @JsonPropertyOrder({"totalCount", "verifiedCount", "withCatchAllCount", "statusBreakdown"})
    public record Meta(
            @JsonProperty("totalCount") int totalCount,
            @JsonProperty("verifiedCount") int verifiedCount,
            @JsonProperty("withCatchAllCount") int withCatchAllCount,
            @JsonProperty("statusBreakdown") StatusBreakdown statusBreakdown) {
    }

    @JsonPropertyOrder({"verified", "pending", "failed"})
    public record StatusBreakdown(
            @JsonProperty("verified") int verified,
            @JsonProperty("pending") int pending,
            @JsonProperty("failed") int failed) {
    }
}
