package dev.domaindesk.files;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.domaindesk.api.json.ServiceJson;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.DomainName;
import dev.domaindesk.domains.InvalidDomainNameException;
import dev.domaindesk.domains.RecordType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the service's documents strictly: every problem is reported with the entry and field it is in.
 * Accepts a dns-records document, a domain list document, or a JSON array of dns-records documents.
 */
public final class DocumentReader {

    /** One dns-records document, validated. */
    public record RecordsEntry(String domainId, DomainName domain, List<DnsRecord> records) {
    }

    /** One domain of a list document, validated. */
    public record DomainEntry(String id, DomainName domain, String status, JsonNode fields) {
    }

    /** What a file held. */
    public record Contents(List<RecordsEntry> recordDocuments, List<DomainEntry> domains) {
    }

    private final Instant now;

    public DocumentReader(Instant now) {
        this.now = now;
    }

    public Contents read(String json) {
        try (JsonParser parser = ServiceJson.mapper().getFactory().createParser(json)) {
            return read(parser);
        } catch (IOException e) {
            throw invalid(e);
        }
    }

    /** Reads a file as it streams in: an array is taken document by document, never held whole as a tree. */
    public Contents read(Path file) throws IOException {
        return read(Files.newInputStream(file));
    }

    /** Reads a stream as it comes in, and closes it. */
    public Contents read(java.io.InputStream in) throws IOException {
        try (JsonParser parser = ServiceJson.mapper().getFactory().createParser(in)) {
            return read(parser);
        } catch (JsonProcessingException e) {
            throw invalid(e);
        }
    }

    private Contents read(JsonParser parser) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw new ImportException("the document is empty");
        }
        List<RecordsEntry> documents = new ArrayList<>();
        List<DomainEntry> domains = new ArrayList<>();
        if (first == JsonToken.START_ARRAY) {
            for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
                documents.add(recordsDocument(ServiceJson.mapper().readTree(parser), "document [" + i + "]"));
            }
        } else {
            JsonNode root = ServiceJson.mapper().readTree(parser);
            if (root.isObject() && root.has("records")) {
                documents.add(recordsDocument(root, "document"));
            } else if (root.isObject() && root.has("data")) {
                domains.addAll(domainList(root));
            } else {
                throw new ImportException("not a dns-records document (no \"records\"), a domain list (no \"data\")"
                        + " or an array of dns-records documents");
            }
        }
        if (parser.nextToken() != null) {
            throw new ImportException("not valid JSON at line " + parser.getCurrentLocation().getLineNr() + ", column "
                    + parser.getCurrentLocation().getColumnNr() + ": more content after the end of the document");
        }
        checkUnique(documents, domains);
        return new Contents(documents, domains);
    }

    private static ImportException invalid(IOException e) {
        if (e instanceof JsonProcessingException json) {
            var loc = json.getLocation();
            return new ImportException("not valid JSON" + (loc == null ? "" : " at line " + loc.getLineNr()
                    + ", column " + loc.getColumnNr()) + ": " + json.getOriginalMessage(), e);
        }
        return new ImportException("cannot be read: " + e.getMessage(), e);
    }

    private RecordsEntry recordsDocument(JsonNode doc, String where) {
        if (!doc.isObject()) {
            throw new ImportException(where + ": expected an object with domainId, domain and records");
        }
        String domainId = string(doc, "domainId", where, true);
        StoreLimits.checkId(domainId, "domainId", where);
        DomainName domain = domainName(doc, "domain", where);
        JsonNode records = doc.get("records");
        if (records == null || !records.isArray()) {
            throw new ImportException(where + " (" + domain + "): field 'records' must be an array");
        }
        List<DnsRecord> result = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            result.add(record(records.get(i), domainId, where + " (" + domain + ") records[" + i + "]"));
        }
        return new RecordsEntry(domainId, domain, result);
    }

    private DnsRecord record(JsonNode r, String domainId, String where) {
        if (!r.isObject()) {
            throw new ImportException(where + ": expected an object");
        }
        String id = string(r, "id", where, true);
        StoreLimits.checkId(id, "id", where);
        String at = where + " (id " + id + ")";
        String ownerId = string(r, "domainId", at, false);
        if (ownerId != null && !ownerId.equals(domainId)) {
            throw new ImportException(at + ": field 'domainId' is \"" + ownerId + "\" but the document's is \""
                    + domainId + "\"");
        }
        RecordType type;
        try {
            type = RecordType.parse(string(r, "recordType", at, true));
        } catch (IllegalArgumentException e) {
            throw new ImportException(at + ": field 'recordType': " + e.getMessage());
        }
        String name;
        try {
            name = DomainName.parseRecordName(string(r, "name", at, true)).ascii();
        } catch (InvalidDomainNameException e) {
            throw new ImportException(at + ": field 'name': " + e.getMessage());
        }
        String value = string(r, "value", at, true);
        Integer priority = integer(r, "priority", at);
        RecordValues.check(type, value, priority, at);
        Instant created = instant(r, "createdAt", at);
        Instant updated = instant(r, "updatedAt", at);
        return DnsRecord.fromService(id, domainId, type, name, value, priority,
                bool(r, "isRequired", at, true), bool(r, "isVerified", at, false), instant(r, "lastChecked", at),
                created == null ? now : created, updated == null ? (created == null ? now : created) : updated);
    }

    private List<DomainEntry> domainList(JsonNode root) {
        JsonNode data = root.get("data");
        if (!data.isArray()) {
            throw new ImportException("domain list: field 'data' must be an array");
        }
        List<DomainEntry> result = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            JsonNode d = data.get(i);
            String where = "data[" + i + "]";
            if (!d.isObject()) {
                throw new ImportException(where + ": expected an object");
            }
            String id = string(d, "id", where, true);
            StoreLimits.checkId(id, "id", where);
            DomainName name = domainName(d, "domain", where + " (id " + id + ")");
            String at = where + " (" + name + ")";
            String status = string(d, "status", at, false);
            if (status != null && !status.matches("pending|verified|failed")) {
                throw new ImportException(at + ": field 'status' is \"" + status
                        + "\"; expected pending, verified or failed");
            }
            for (String field : List.of("canReceiveEmails", "hasMxRecords", "isCatchAllEnabled")) {
                bool(d, field, at, false);
            }
            for (String field : List.of("createdAt", "updatedAt", "lastDnsCheck", "lastSesCheck")) {
                instant(d, field, at);
            }
            StoreLimits.check(string(d, "domainProvider", at, false), StoreLimits.PROVIDER, "domainProvider", at,
                    "at most " + StoreLimits.PROVIDER + " are kept");
            StoreLimits.check(string(d, "providerConfidence", at, false), StoreLimits.PROVIDER_CONFIDENCE,
                    "providerConfidence", at, "at most " + StoreLimits.PROVIDER_CONFIDENCE + " are kept");
            result.add(new DomainEntry(id, name, status, d));
        }
        return result;
    }

    private static void checkUnique(List<RecordsEntry> documents, List<DomainEntry> domains) {
        Map<String, String> seen = new HashMap<>();
        Map<String, String> recordIds = new HashMap<>();
        for (RecordsEntry doc : documents) {
            claim(seen, "domain " + doc.domain().ascii(), doc.domain().ascii());
            claim(seen, "domain id " + doc.domainId(), doc.domain().ascii());
            for (DnsRecord r : doc.records()) {
                String previous = recordIds.putIfAbsent(r.id(), doc.domain().ascii());
                if (previous != null) {
                    throw new ImportException("record id " + r.id() + " appears twice (in " + previous + " and "
                            + doc.domain().ascii() + ")");
                }
            }
        }
        for (DomainEntry d : domains) {
            claim(seen, "domain " + d.domain().ascii(), d.domain().ascii());
            claim(seen, "domain id " + d.id(), d.domain().ascii());
        }
    }

    private static void claim(Map<String, String> seen, String key, String domain) {
        if (seen.putIfAbsent(key, domain) != null) {
            throw new ImportException(key + " appears more than once in the file");
        }
    }

    private static DomainName domainName(JsonNode node, String field, String where) {
        try {
            return DomainName.parse(string(node, field, where, true));
        } catch (InvalidDomainNameException e) {
            throw new ImportException(where + ": field '" + field + "': " + e.getMessage());
        }
    }

    static String string(JsonNode node, String field, String where, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new ImportException(where + ": field '" + field + "' is missing");
            }
            return null;
        }
        if (!v.isTextual() || (required && v.asText().isBlank())) {
            throw new ImportException(where + ": field '" + field + "' must be a non-empty string, found " + v);
        }
        return v.asText();
    }

    private static Integer integer(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 0 || v.intValue() > 65535) {
            throw new ImportException(where + ": field '" + field + "' must be a whole number from 0 to 65535, found " + v);
        }
        return v.intValue();
    }

    private static boolean bool(JsonNode node, String field, String where, boolean absent) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return absent;
        }
        if (!v.isBoolean()) {
            throw new ImportException(where + ": field '" + field + "' must be true or false, found " + v);
        }
        return v.booleanValue();
    }

    static Instant instant(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new ImportException(where + ": field '" + field + "' must be an ISO-8601 instant, found " + v);
        }
        try {
            return IsoInstants.parse(v.asText());
        } catch (DateTimeParseException e) {
            throw new ImportException(where + ": field '" + field + "' is not an ISO-8601 instant: " + v);
        }
    }
}
