package dev.domaindesk.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.domaindesk.api.json.ServiceJson;
import dev.domaindesk.app.AppContext;
import dev.domaindesk.app.AppContextAccess;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainStatus;
import dev.domaindesk.domains.DomainWithRecords;
import dev.domaindesk.testing.StoreDump;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImportExportTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05.678Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    static String resource(String name) throws IOException {
        try (InputStream in = ImportExportTest.class.getResourceAsStream("/service/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void importsTheServicesDnsRecordsDocumentKeepingItsIds() throws Exception {
        try (AppContext app = new AppContext(dir.resolve("a"), CLOCK)) {
            ImportService.Summary summary = app.importer().importJson(resource("dns-records.json"));
            assertEquals(new ImportService.Summary(1, 0, 5), summary);
            Domain d = app.domains().require("dom_abc123");
            assertEquals("example.com", d.name().ascii());
            assertEquals(DomainStatus.PENDING, d.status());
            List<DnsRecord> records = app.domains().records("dom_abc123");
            assertEquals(List.of("dns_1", "dns_2", "dns_3", "dns_4", "dns_5"), records.stream().map(DnsRecord::id).toList());
            assertEquals(10, records.get(1).effectivePriority(), "MX preference inside value");
            assertEquals("inbound-smtp.us-east-1.amazonaws.com", records.get(1).target());
            assertEquals(10, records.get(2).effectivePriority(), "MX preference in priority");
            assertEquals(Instant.parse("2025-09-01T10:00:00Z"), records.get(0).lastChecked());
            assertTrue(records.get(0).isVerified());
        }
    }

    @Test
    void importsTheListDocumentAndAnArrayOfRecordDocuments() throws Exception {
        try (AppContext app = new AppContext(dir, CLOCK)) {
            app.importer().importJson("[" + resource("dns-records.json") + "]");
            ImportService.Summary summary = app.importer().importJson(resource("domain-list.json"));
            assertEquals(1, summary.domainsAdded());
            assertEquals(1, summary.domainsUpdated());
            Domain org = app.domains().require("example.org");
            assertEquals(DomainStatus.VERIFIED, org.status());
            assertEquals("Route 53", org.provider().domainProvider());
            assertEquals(Boolean.TRUE, org.provider().isCatchAllEnabled());
            assertEquals(5, app.domains().records("dom_abc123").size(), "a list document keeps the domain's records");
            assertEquals("Cloudflare", app.domains().require("example.com").provider().domainProvider());
        }
    }

    @Test
    void reimportUpdatesNeverDuplicates() throws Exception {
        try (AppContext app = new AppContext(dir, CLOCK)) {
            app.importer().importJson(resource("dns-records.json"));
            String changed = resource("dns-records.json").replace("\"isVerified\": false, \"lastChecked\": null,\n"
                    + "      \"createdAt\": \"2025-09-01T09:58:12.000Z\", \"updatedAt\": \"2025-09-01T09:58:12.000Z\" },\n"
                    + "    { \"id\": \"dns_3\"", "\"isVerified\": true, \"lastChecked\": null,\n"
                    + "      \"createdAt\": \"2025-09-01T09:58:12.000Z\", \"updatedAt\": \"2025-09-01T09:58:12.000Z\" },\n"
                    + "    { \"id\": \"dns_3\"");
            ImportService.Summary summary = app.importer().importJson(changed);
            assertEquals(new ImportService.Summary(0, 1, 5), summary);
            assertEquals(1, app.domains().list().size());
            assertEquals(5, app.domains().records("dom_abc123").size());
            assertTrue(app.domains().records("dom_abc123").get(1).isVerified());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bad name|\"name\": \"_dmarc.example.com\"|\"name\": \"_dmarc..example.com\"|records[4] (id dns_5): field 'name'",
        "unknown type|\"recordType\": \"CNAME\"|\"recordType\": \"SRV\"|records[0] (id dns_1): field 'recordType': unknown record type 'SRV'",
        "wrong type|\"isVerified\": true|\"isVerified\": \"yes\"|records[0] (id dns_1): field 'isVerified' must be true or false",
        "priority text|\"priority\": 10|\"priority\": \"ten\"|records[2] (id dns_3): field 'priority' must be a whole number",
        "missing value|\"value\": \"tok1.dkim.amazonses.com\",|\"other\": 1,|records[0] (id dns_1): field 'value' is missing",
        "malformed|\"records\": [|\"records\": [[,|not valid JSON at line",
        "bad domain|\"domain\": \"example.com\"|\"domain\": \"https://example.com/\"|field 'domain': 'https://example.com/' is a URL",
        "mx without preference|\"10 inbound-smtp.us-east-1.amazonaws.com\"|\"inbound-smtp.us-east-1.amazonaws.com\"|records[1] (id dns_2): MX record has no preference",
        "foreign record|\"id\": \"dns_4\", \"domainId\": \"dom_abc123\"|\"id\": \"dns_4\", \"domainId\": \"dom_zzz\"|records[3] (id dns_4): field 'domainId'",
        "bad instant|\"isVerified\": false, \"lastChecked\": \"2025-09-01T10:00:00.000Z\"|\"isVerified\": false, \"lastChecked\": \"yesterday\"|records[3] (id dns_4): field 'lastChecked' is not an ISO-8601 instant"
    })
    void aFileWithOneBadRecordChangesNothingAndSaysWhere(String label, String from, String to, String expected)
            throws Exception {
        try (AppContext app = new AppContext(dir, CLOCK)) {
            app.domains().add("keep.example", null);
            app.importer().importJson(resource("dns-records.json"));
            String before = StoreDump.of(AppContextAccess.database(app));
            String broken = resource("dns-records.json").replace("dom_abc123", "dom_new").replace("example.com", "example.net")
                    .replace(from.replace("dom_abc123", "dom_new").replace("example.com", "example.net"),
                            to.replace("example.com", "example.net"));
            String file = "[" + resource("dns-records.json").replace("\"isVerified\": true", "\"isVerified\": false")
                    + ", " + broken + "]";
            ImportException e = assertThrows(ImportException.class, () -> app.importer().importJson(file));
            assertTrue(e.getMessage().contains(expected.replace("example.com", "example.net")),
                    () -> label + ": '" + e.getMessage() + "' lacks '" + expected + "'");
            assertEquals(before, StoreDump.of(AppContextAccess.database(app)), "the store is unchanged");
        }
    }

    @Test
    void notADocumentIsNamedAsSuch() {
        try (AppContext app = new AppContext(dir, CLOCK)) {
            ImportException e = assertThrows(ImportException.class, () -> app.importer().importJson("{\"foo\": 1}"));
            assertTrue(e.getMessage().contains("not a dns-records document"));
            ImportException missing = assertThrows(ImportException.class,
                    () -> app.importer().importFile(dir.resolve("nope.json")));
            assertTrue(missing.getMessage().contains("no such file"));
        }
    }

    @Test
    void exportThenImportIsLossless() throws Exception {
        String exported;
        String before;
        try (AppContext app = new AppContext(dir.resolve("one"), CLOCK)) {
            app.importer().importJson(resource("dns-records.json"));
            app.domains().add("bücher.example", null);
            app.domains().add("example.net", null);
            exported = export(app, List.of(), ExportFormat.JSON, false);
            before = export(app, List.of(), ExportFormat.JSON, false);
        }
        JsonNode array = ServiceJson.mapper().readTree(exported);
        assertTrue(array.isArray());
        assertEquals(3, array.size());
        assertTrue(array.get(0).get("records").get(0).has("isRequired"));
        assertEquals("2025-09-01T10:00:00.000Z", array.get(0).get("records").get(0).get("lastChecked").asText());
        try (AppContext other = new AppContext(dir.resolve("two"), CLOCK)) {
            other.importer().importJson(exported);
            assertEquals(before, export(other, List.of(), ExportFormat.JSON, false));
        }
    }

    @Test
    void oneDomainExportsAsADocumentAndCsvQuotes() throws Exception {
        try (AppContext app = new AppContext(dir, CLOCK)) {
            app.importer().importJson(resource("dns-records.json"));
            JsonNode doc = ServiceJson.mapper().readTree(export(app, List.of("example.com"), ExportFormat.JSON, true));
            assertEquals("dom_abc123", doc.get("domainId").asText());
            assertNull(doc.get("records").get(0).get("priority").numberValue());
            String csv = export(app, List.of("example.com"), ExportFormat.CSV, true);
            String[] lines = csv.split("\r\n");
            assertEquals("domain,domainId,id,recordType,name,host,value,priority,isRequired,isVerified,checkState,lastChecked,zone",
                    lines[0]);
            assertEquals(6, lines.length);
            assertTrue(csv.contains(",_dmarc,\"v=DMARC1; p=none; rua=mailto:dmarc@example.com\",") || csv.contains(",_dmarc,v=DMARC1; p=none; rua=mailto:dmarc@example.com,"));
            assertTrue(csv.contains("MX,example.com,@,inbound-smtp.us-east-1.amazonaws.com,10,"));
        }
    }

    @Test
    void csvQuotesCommasAndQuotes() throws Exception {
        try (AppContext app = new AppContext(dir, CLOCK)) {
            app.importer().importJson(resource("dns-records.json").replace("v=DMARC1; p=none; rua=mailto:dmarc@example.com",
                    "v=DMARC1; p=none; rua=mailto:a@example.com,mailto:b@example.com; x=\\\"q\\\""));
            String csv = export(app, List.of("example.com"), ExportFormat.CSV, true);
            assertTrue(csv.contains(",\"v=DMARC1; p=none; rua=mailto:a@example.com,mailto:b@example.com; x=\"\"q\"\"\","), csv);
        }
    }

    static String export(AppContext app, List<String> names, ExportFormat format, boolean single) throws IOException {
        List<DomainWithRecords> selection = app.exporter().select(names);
        StringWriter out = new StringWriter();
        app.exporter().write(selection, format, single, false, out);
        return out.toString();
    }
}
