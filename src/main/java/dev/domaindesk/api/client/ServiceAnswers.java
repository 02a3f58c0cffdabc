package dev.domaindesk.api.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.domaindesk.files.DocumentReader;
import dev.domaindesk.files.ImportException;
import dev.domaindesk.api.json.ServiceJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** Reads the service's answers strictly; a wrong shape fails naming the request and the field. */
final class ServiceAnswers {

    /** One page of the domain list. */
    record Page(List<DocumentReader.DomainEntry> domains, int total, boolean hasMore) {
    }

    private final Instant now;

    ServiceAnswers(Instant now) {
        this.now = now;
    }

    Page page(String what, byte[] body) {
        JsonNode root = tree(what, body);
        if (!root.isObject() || !root.has("data")) {
            throw shape(what, "expected a domain list document with field 'data'");
        }
        JsonNode pagination = root.get("pagination");
        if (pagination == null || !pagination.isObject()) {
            throw shape(what, "field 'pagination' is missing or not an object");
        }
        JsonNode hasMore = pagination.get("hasMore");
        if (hasMore == null || !hasMore.isBoolean()) {
            throw shape(what, "field 'pagination.hasMore' must be true or false, found " + hasMore);
        }
        JsonNode total = pagination.get("total");
        if (total == null || !total.canConvertToInt() || !total.isIntegralNumber() || total.intValue() < 0) {
            throw shape(what, "field 'pagination.total' must be a whole number, found " + total);
        }
        try {
            List<DocumentReader.DomainEntry> domains = new DocumentReader(now).read(text(body)).domains();
            return new Page(domains, total.intValue(), hasMore.booleanValue());
        } catch (ImportException e) {
            throw shape(what, e.getMessage());
        }
    }

    DocumentReader.RecordsEntry records(String what, byte[] body) {
        JsonNode root = tree(what, body);
        if (!root.isObject() || !root.has("records")) {
            throw shape(what, "expected a dns-records document with field 'records'");
        }
        try {
            return new DocumentReader(now).read(text(body)).recordDocuments().get(0);
        } catch (ImportException e) {
            throw shape(what, e.getMessage());
        }
    }

    JsonNode tree(String what, byte[] body) {
        try {
            JsonNode root = ServiceJson.mapper().readTree(body);
            if (root == null || root.isMissingNode()) {
                throw shape(what, "the body is empty");
            }
            return root;
        } catch (JsonProcessingException e) {
            String start = ErrorAnswers.clip(text(body).strip());
            throw new ApiException(ApiException.Kind.BAD_RESPONSE, "the answer to " + what + " is not JSON"
                    + (start.isEmpty() ? " (empty body)" : " (it starts with \"" + (start.length() > 60
                    ? start.substring(0, 60) + "…" : start) + "\")") + "; nothing was changed", e);
        } catch (java.io.IOException e) {
            throw shape(what, e.getMessage());
        }
    }

    static ApiException shape(String what, String problem) {
        return new ApiException(ApiException.Kind.BAD_RESPONSE, "the answer to " + what
                + " is not in the documented shape: " + problem + "; nothing was changed");
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
