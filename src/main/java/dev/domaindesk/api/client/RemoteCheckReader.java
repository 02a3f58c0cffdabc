package dev.domaindesk.api.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainStatus;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Reads a {@code GET /domains/{id}?check=true} answer strictly, naming the field that is wrong. */
final class RemoteCheckReader {

    /** One entry of {@code verificationCheck.dnsRecords}. */
    record Line(String type, String name, String value, boolean isVerified, String error) {
    }

    private final String what;

    RemoteCheckReader(String what) {
        this.what = what;
    }

    void requireDomain(JsonNode root, Domain domain) {
        if (!root.isObject()) {
            throw ServiceAnswers.shape(what, "expected a domain object");
        }
        String id = text(root, "id");
        if (id == null || !id.equals(domain.id())) {
            throw ServiceAnswers.shape(what, "field 'id' is " + root.get("id") + ", expected \"" + domain.id() + "\"");
        }
    }

    DomainStatus status(JsonNode root) {
        String status = text(root, "status");
        if (status != null && !status.matches("pending|verified|failed")) {
            throw ServiceAnswers.shape(what, "field 'status' is \"" + status + "\"; expected pending, verified or failed");
        }
        return status == null ? null : DomainStatus.parse(status);
    }

    JsonNode verificationCheck(JsonNode root) {
        JsonNode check = root.get("verificationCheck");
        if (check == null || !check.isObject()) {
            throw ServiceAnswers.shape(what, "field 'verificationCheck' is missing or not an object");
        }
        return check;
    }

    List<Line> lines(JsonNode check) {
        JsonNode records = check.get("dnsRecords");
        List<Line> lines = new ArrayList<>();
        if (records == null || records.isNull()) {
            return lines;
        }
        if (!records.isArray()) {
            throw ServiceAnswers.shape(what, "field 'verificationCheck.dnsRecords' must be an array");
        }
        for (int i = 0; i < records.size(); i++) {
            JsonNode r = records.get(i);
            String at = "verificationCheck.dnsRecords[" + i + "]";
            for (String field : List.of("type", "name", "value")) {
                if (r.get(field) == null || !r.get(field).isTextual()) {
                    throw ServiceAnswers.shape(what, "field '" + at + "." + field + "' must be a string, found "
                            + r.get(field));
                }
            }
            JsonNode verified = r.get("isVerified");
            if (verified == null || !verified.isBoolean()) {
                throw ServiceAnswers.shape(what, "field '" + at + ".isVerified' must be true or false, found " + verified);
            }
            lines.add(new Line(r.get("type").asText(), r.get("name").asText(), r.get("value").asText(),
                    verified.booleanValue(), text(r, "error")));
        }
        return lines;
    }

    Instant instant(JsonNode node, String field, Instant absent) {
        String text = text(node, field);
        try {
            return text == null ? absent : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ServiceAnswers.shape(what, "field 'verificationCheck." + field + "' is not an ISO-8601 instant: " + text);
        }
    }

    String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    Boolean bool(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isBoolean() ? null : v.booleanValue();
    }
}
