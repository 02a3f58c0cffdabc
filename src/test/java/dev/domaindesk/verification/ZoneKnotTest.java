package dev.domaindesk.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.files.ExportFormat;
import dev.domaindesk.app.AppContext;
import dev.domaindesk.app.AppContextAccess;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainName;
import dev.domaindesk.testing.KnotServer;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A check learns each domain's zone apex (the SOA owner, RFC 1034 section 4.3.4; in a negative answer's authority
 * section, RFC 2308 section 3), stores it, and the "host only" names of the CSV and zone exports are relative to it.
 */
class ZoneKnotTest {
    private static final String DOC = """
            [{"domainId": "dom_sub", "domain": "mail.example.test", "records": [
              {"id": "dns_d", "recordType": "TXT", "name": "_dmarc.mail.example.test", "value": "v=DMARC1; p=none",
               "isRequired": true, "isVerified": false},
              {"id": "dns_m", "recordType": "MX", "name": "mail.example.test", "value": "10 inbound.example.test",
               "isRequired": true, "isVerified": false}]},
             {"domainId": "dom_apex", "domain": "example.test", "records": [
              {"id": "dns_a", "recordType": "TXT", "name": "_dmarc.example.test", "value": "v=DMARC1; p=none",
               "isRequired": true, "isVerified": false}]}]""";

    @TempDir
    static Path dir;
    static KnotServer knot;
    static AppContext app;

    @BeforeAll
    static void start() {
        knot = KnotServer.start(dir.resolve("knot"), Map.of("example.test", """
                _dmarc.mail TXT "v=DMARC1; p=none"
                mail MX 10 inbound.example.test.
                _dmarc TXT "v=DMARC1; p=none"
                """));
        app = new AppContext(dir.resolve("data"), Clock.systemUTC());
        app.importer().importJson(DOC);
    }

    @AfterAll
    static void stop() {
        app.close();
        knot.close();
    }

    @Test
    void aCheckLearnsAndStoresTheZoneApexOfASubdomainIdentity() throws Exception {
        Domain before = domain("mail.example.test");
        assertNull(before.zone());
        assertEquals("_dmarc", before.hostOf("_dmarc.mail.example.test"), "before the zone is known: relative to the domain");

        check(EngineFixture.via(knot.address()));

        Domain sub = domain("mail.example.test");
        assertEquals(new DomainName("example.test"), sub.zone());
        assertEquals("_dmarc.mail", sub.hostOf("_dmarc.mail.example.test"));
        assertEquals("mail", sub.hostOf("mail.example.test"));
        Domain apex = domain("example.test");
        assertEquals(new DomainName("example.test"), apex.zone(), "an SOA in the answer: the domain is its zone's apex");
        assertEquals("@", apex.hostOf("example.test"));
    }

    @Test
    void aCheckThatCannotReachDnsKeepsTheZoneLearntBefore() throws Exception {
        check(EngineFixture.via(knot.address()));
        try (SilentUdpServer silent = new SilentUdpServer()) {
            check(EngineFixture.via(silent.address()));
        }
        assertEquals(new DomainName("example.test"), domain("mail.example.test").zone());
    }

    @Test
    void csvAndZoneExportsAreRelativeToTheLearntZone() throws Exception {
        String unknown = export(ExportFormat.ZONE);
        if (domain("mail.example.test").zone() == null) {
            assertTrue(unknown.contains("is not known yet"), unknown);
        }
        check(EngineFixture.via(knot.address()));

        String zone = export(ExportFormat.ZONE);
        assertTrue(zone.contains("$ORIGIN example.test."), zone);
        assertFalse(zone.contains("$ORIGIN mail.example.test."), zone);
        assertTrue(zone.lines().anyMatch(l -> l.matches("_dmarc\\.mail\\s+3600 IN TXT\\s+\"v=DMARC1; p=none\"")), zone);
        assertTrue(zone.lines().anyMatch(l -> l.matches("mail\\s+3600 IN MX\\s+10 inbound\\.example\\.test\\.")), zone);
        assertFalse(zone.contains("not known yet"), zone);

        String csv = export(ExportFormat.CSV);
        assertTrue(csv.contains("TXT,_dmarc.mail.example.test,_dmarc.mail,"), csv);
        assertTrue(csv.contains("MX,mail.example.test,mail,inbound.example.test,10,"), csv);
        assertTrue(csv.lines().filter(l -> l.startsWith("mail.example.test,")).allMatch(l -> l.endsWith(",example.test")), csv);
    }

    @Test
    void beforeAnyCheckTheZoneExportSaysTheNamesAreRelativeToTheDomain() throws Exception {
        try (AppContext fresh = new AppContext(dir.resolve("fresh"), Clock.systemUTC())) {
            fresh.importer().importJson(DOC);
            StringWriter out = new StringWriter();
            fresh.exporter().write(fresh.exporter().select(List.of("mail.example.test")), ExportFormat.ZONE, true, false, out);
            assertTrue(out.toString().contains("; the DNS zone of mail.example.test is not known yet"), out.toString());
            assertTrue(out.toString().contains("$ORIGIN mail.example.test."), out.toString());
        }
    }

    private static void check(CheckOptions options) throws Exception {
        List<String> ids = AppContextAccess.repository(app).findAll().stream().map(Domain::id).toList();
        app.checks().start(ids, options, CheckListener.NONE).done().get(60, TimeUnit.SECONDS);
    }

    private static Domain domain(String name) {
        return AppContextAccess.repository(app).findAll().stream().filter(d -> d.name().ascii().equals(name)).findFirst().orElseThrow();
    }

    private static String export(ExportFormat format) throws Exception {
        StringWriter out = new StringWriter();
        app.exporter().write(app.exporter().select(List.of("mail.example.test")), format, true, false, out);
        return out.toString();
    }
}
