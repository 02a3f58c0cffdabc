package dev.domaindesk.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.app.AppContext;
import dev.domaindesk.app.AppContextAccess;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.testing.StoreDump;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;

/** Import files an adversary writes: each is refused with the record and field named, and the store is unchanged. */
class HostileImportTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05.678Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    static String document(String domainId, String domain, String records) {
        return """
                {"domainId": "%s", "domain": "%s", "records": [%s]}""".formatted(domainId, domain, records);
    }

    static String txt(String id, String name, String value) {
        return """
                {"id": "%s", "recordType": "TXT", "name": "%s", "value": "%s", "isRequired": true, "isVerified": false}"""
                .formatted(id, name, value);
    }

    /** Imports {@code json} into a store holding two domains; asserts it is refused and returns the message. */
    private String refused(AppContext app, String json) {
        String before = StoreDump.of(AppContextAccess.database(app));
        ImportException e = assertThrows(ImportException.class, () -> app.importer().importJson(json));
        assertEquals(before, StoreDump.of(AppContextAccess.database(app)), "a refused import changes nothing");
        return e.getMessage();
    }

    @Test
    void anIdOfOneStoredDomainWithTheNameOfAnotherIsRefusedNamingBoth() {
        try (AppContext app = new AppContext(dir.resolve("data"), CLOCK)) {
            Domain first = app.domains().add("first.example", null).domain();
            Domain second = app.domains().add("second.example", null).domain();
            String message = refused(app, document(first.id(), "second.example",
                    txt("dns_x", "second.example", "hello")));
            assertTrue(message.contains(first.id()) && message.contains("first.example")
                    && message.contains(second.id()) && message.contains("second.example"), message);
            assertEquals(2, app.domains().list().size());
        }
    }

    @Test
    void aListEntryWithAnIdOfOneStoredDomainAndTheNameOfAnotherIsRefusedToo() {
        try (AppContext app = new AppContext(dir.resolve("data"), CLOCK)) {
            Domain first = app.domains().add("first.example", null).domain();
            Domain second = app.domains().add("second.example", null).domain();
            String message = refused(app, """
                    {"data": [{"id": "%s", "domain": "second.example"}]}""".formatted(first.id()));
            assertTrue(message.contains(first.id()) && message.contains("first.example")
                    && message.contains(second.id()) && message.contains("second.example"), message);
        }
    }

    @Test
    void aDomainMayStillBeRenamedOrReimportedUnderItsOwnIdOrName() {
        try (AppContext app = new AppContext(dir.resolve("data"), CLOCK)) {
            Domain first = app.domains().add("first.example", null).domain();
            app.importer().importJson(document(first.id(), "renamed.example", txt("dns_r", "renamed.example", "a")));
            assertEquals(first.id(), app.domains().require("renamed.example").id());
            app.importer().importJson(document("dom_other", "renamed.example", txt("dns_r", "renamed.example", "b")));
            assertEquals("dom_other", app.domains().require("renamed.example").id());
            assertEquals(1, app.domains().list().size());
        }
    }

    static String record(String id, String type, String name, String value, String priority) {
        return """
                {"id": "%s", "recordType": "%s", "name": "%s", "value": "%s", "priority": %s, "isRequired": true,
                 "isVerified": false}""".formatted(id, type, name, value, priority);
    }

    /** RFC 1035 3.3.9: PREFERENCE is a 16-bit integer; 3.3.1, 3.3.9: CNAME and EXCHANGE are domain names. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "MX preference too large|MX|99999999999 mx.example.com|null|field 'value': the MX preference 99999999999 is not from 0 to 65535",
        "MX preference 65536|MX|65536 mx.example.com|null|field 'value': the MX preference 65536 is not from 0 to 65535",
        "MX preference in value beside priority|MX|70000 mx.example.com|10|field 'value': the MX preference 70000 is not from 0 to 65535",
        "MX priority field|MX|mx.example.com|65536|field 'priority' must be a whole number from 0 to 65535",
        "MX exchange empty label|MX|10 mx..example.com|null|field 'value': the MX exchange 'mx..example.com' has an empty label",
        "MX exchange with spaces|MX|mx.example.com extra|10|field 'value': the MX exchange 'mx.example.com extra' contains whitespace",
        "CNAME target empty label|CNAME|a..example.com|null|field 'value': the CNAME target 'a..example.com' has an empty label",
        "CNAME target a URL|CNAME|https://x.example/|null|field 'value': the CNAME target 'https://x.example/' is a URL",
        "CNAME target too long label|CNAME|aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.example|null|field 'value': the CNAME target 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...' has a label of 64 characters"
    })
    void aValueTheZoneFormatCannotHoldIsRefusedWithRecordAndField(String label, String type, String value,
                                                                    String priority, String expected) {
        try (AppContext app = new AppContext(dir.resolve("data"), CLOCK)) {
            app.domains().add("keep.example", null);
            String message = refused(app, document("dom_h", "hostile.example",
                    txt("dns_ok", "hostile.example", "fine") + ", "
                            + record("dns_bad", type, "hostile.example", value, priority)));
            assertTrue(message.contains("records[1] (id dns_bad): " + expected), label + ": " + message);
        }
    }

    @Test
    void aTxtValueOverTheLimitIsRefusedInBytes() {
        try (AppContext app = new AppContext(dir.resolve("data"), CLOCK)) {
            String message = refused(app, document("dom_h", "hostile.example",
                    txt("dns_big", "hostile.example", "é".repeat(4097))));
            assertTrue(message.contains("records[0] (id dns_big): field 'value' is 8,194 bytes in UTF-8; a TXT value"
                    + " may have at most 8,192 bytes"), message);
        }
    }

    @Test
    void everythingAnImportAcceptsExportsAsAZone() throws Exception {
        try (AppContext app = new AppContext(dir.resolve("data"), CLOCK)) {
            app.importer().importJson(document("dom_h", "edge.example", String.join(", ",
                    record("dns_1", "MX", "edge.example", "65535 MX.Edge.Example.", "null"),
                    record("dns_2", "MX", "mail.edge.example", "0000000 mx.edge.example", "0"),
                    record("dns_3", "CNAME", "s1._domainkey.edge.example", "s1._domainkey.u1.wl.sender.example.", "null"),
                    txt("dns_4", "edge.example", "x".repeat(8192)))));
            StringWriter out = new StringWriter();
            app.exporter().write(app.exporter().select(List.of()), ExportFormat.ZONE, false, false, out);
            Path file = dir.resolve("edge.zone");
            Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
            List<Record> parsed = new ArrayList<>();
            try (Master master = new Master(file.toString(), Name.root)) {
                for (Record r = master.nextRecord(); r != null; r = master.nextRecord()) {
                    parsed.add(r);
                }
            }
            assertEquals(List.of(65535, 0), parsed.stream().filter(r -> r instanceof MXRecord)
                    .map(r -> ((MXRecord) r).getPriority()).toList());
            assertEquals(Name.fromString("s1._domainkey.u1.wl.sender.example."),
                    parsed.stream().filter(r -> r instanceof CNAMERecord).map(r -> ((CNAMERecord) r).getTarget()).findFirst().orElseThrow());
            assertEquals("x".repeat(8192), String.join("", ((TXTRecord) parsed.get(3)).getStrings()));
        }
    }

    /** What the store's columns hold (src/main/resources/db/migration) is checked first and said in words. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "10 MB TXT|value|10485760|records[0] (id dns_1): field 'value' is 10,485,760 bytes (10.0 MB) in UTF-8; a TXT value may have at most 8,192 bytes",
        "8,193-character TXT|value|8193|records[0] (id dns_1): field 'value' is 8,193 bytes in UTF-8; a TXT value may have at most 8,192 bytes",
        "65-character record id|id|65|records[0]: field 'id' is 65 characters; an id may have at most 64",
        "65-character domain id|domainId|65|document: field 'domainId' is 65 characters; an id may have at most 64"
    })
    void anOversizedFieldIsRefusedWithItsSizeAndLimit(String label, String field, int length, String expected) {
        String big = "v".repeat(length);
        String domainId = field.equals("domainId") ? big : "dom_1";
        String value = field.equals("value") ? big : "v=spf1 -all";
        String recordId = field.equals("id") ? big : "dns_1";
        try (AppContext app = new AppContext(dir.resolve("data"), CLOCK)) {
            app.domains().add("keep.example", null);
            String message = refused(app, document(domainId, "big.example", txt(recordId, "big.example", value)));
            assertTrue(message.contains(expected), label + ": " + message);
            assertTrue(!message.contains("CHARACTER VARYING") && !message.contains("store could not"), message);
        }
    }

    @Test
    void anOversizedProviderOrListIdIsRefusedWithItsSizeAndLimit() {
        try (AppContext app = new AppContext(dir.resolve("data"), CLOCK)) {
            String provider = refused(app, """
                    {"data": [{"id": "dom_1", "domain": "big.example", "domainProvider": "%s"}]}"""
                    .formatted("p".repeat(200)));
            assertTrue(provider.contains("data[0] (big.example): field 'domainProvider' is 200 characters; at most 128"
                    + " are kept"), provider);
            String confidence = refused(app, """
                    {"data": [{"id": "dom_1", "domain": "big.example", "providerConfidence": "%s"}]}"""
                    .formatted("c".repeat(33)));
            assertTrue(confidence.contains("field 'providerConfidence' is 33 characters; at most 32"), confidence);
            String id = refused(app, """
                    {"data": [{"id": "%s", "domain": "big.example"}]}""".formatted("i".repeat(65)));
            assertTrue(id.contains("data[0]: field 'id' is 65 characters; an id may have at most 64"), id);
        }
    }

    @Test
    void aRecordIdOfAnotherStoredDomainIsRefusedNamingThatDomain() {
        try (AppContext app = new AppContext(dir.resolve("data"), CLOCK)) {
            app.importer().importJson(document("dom_a", "a.example", txt("dns_shared", "a.example", "one")));
            String message = refused(app, document("dom_b", "b.example", txt("dns_shared", "b.example", "two")));
            assertTrue(message.contains("record id dns_shared already belongs to another stored domain, a.example"
                    + " (id dom_a)"), message);
            assertTrue(!message.contains("Unique index"), message);
            // the same id in a document that replaces a.example's records is moved, not refused
            app.importer().importJson("[" + document("dom_a", "a.example", txt("dns_other", "a.example", "one"))
                    + ", " + document("dom_b", "b.example", txt("dns_shared", "b.example", "two")) + "]");
            assertEquals("dom_b", app.domains().records("dom_b").get(0).domainId());
        }
    }

    @Test
    void theLimitsAreTheStoresColumnSizes() throws Exception {
        try (AppContext app = new AppContext(dir.resolve("data"), CLOCK);
             java.sql.Connection c = AppContextAccess.database(app).connection();
             java.sql.PreparedStatement ps = c.prepareStatement("SELECT CHARACTER_MAXIMUM_LENGTH FROM"
                     + " INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = ? AND COLUMN_NAME = ?")) {
            java.util.function.BiFunction<String, String, Long> size = (table, column) -> {
                try {
                    ps.setString(1, table);
                    ps.setString(2, column);
                    try (java.sql.ResultSet rs = ps.executeQuery()) {
                        assertTrue(rs.next(), table + "." + column);
                        return rs.getLong(1);
                    }
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            };
            assertEquals(StoreLimits.ID, size.apply("DOMAIN", "ID"));
            assertEquals(StoreLimits.ID, size.apply("DNS_RECORD", "ID"));
            assertEquals(StoreLimits.ID, size.apply("DNS_RECORD", "DOMAIN_ID"));
            assertEquals(StoreLimits.PROVIDER, size.apply("DOMAIN", "DOMAIN_PROVIDER"));
            assertEquals(StoreLimits.PROVIDER_CONFIDENCE, size.apply("DOMAIN", "PROVIDER_CONFIDENCE"));
            assertEquals(StoreLimits.VALUE, size.apply("DNS_RECORD", "RECORD_VALUE"));
            assertEquals(RecordValues.MAX_TXT_BYTES, StoreLimits.VALUE, "an ASCII TXT value at the limit fits");
            assertEquals(253L, size.apply("DOMAIN", "NAME"), "DomainName's limit");
            assertEquals(253L, size.apply("DNS_RECORD", "NAME"), "DomainName's limit");
        }
    }

    @Test
    void aRecordStoredBeforeTheseChecksIsNamedWhenTheZoneExportCannotWriteIt() {
        try (AppContext app = new AppContext(dir.resolve("data"), CLOCK)) {
            Domain d = app.domains().add("old.example", null).domain();
            AppContextAccess.repository(app).insert(new Domain("dom_old", new dev.domaindesk.domains.DomainName("older.example"),
                    d.status(), null, d.createdAt(), d.updatedAt(), null, null, null, Domain.ServiceFields.NONE),
                    List.of(dev.domaindesk.domains.DnsRecord.fromService("dns_old", "dom_old",
                            dev.domaindesk.domains.RecordType.MX, "older.example", "99999999999 mx.older.example", null,
                            true, false, null, d.createdAt(), d.createdAt())));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> app.exporter()
                    .write(app.exporter().select(List.of()), ExportFormat.ZONE, false, false, new StringWriter()));
            assertTrue(e.getMessage().startsWith("record dns_old of older.example (MX older.example \"99999999999"
                    + " mx.older.example\") cannot be written as a zone file"), e.getMessage());
        }
    }
}
