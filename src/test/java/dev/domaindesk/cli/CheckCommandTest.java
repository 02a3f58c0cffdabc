package dev.domaindesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.domaindesk.api.json.ServiceJson;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainName;
import dev.domaindesk.domains.DomainStatus;
import dev.domaindesk.domains.Ids;
import dev.domaindesk.domains.RecordType;
import dev.domaindesk.store.Database;
import dev.domaindesk.store.JdbcDomainRepository;
import dev.domaindesk.testing.KnotServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code check} command end to end: real Knot, real H2 data dir, exit codes and the JSON document. */
class CheckCommandTest {
    @TempDir
    static Path dir;
    static KnotServer knot;

    @TempDir
    Path data;

    record Result(int code, String out, String err) {
    }

    @BeforeAll
    static void start() {
        knot = KnotServer.start(dir.resolve("knot"), Map.of(
                "good.test", "_amazonses TXT \"GOOD\"\n@ MX 10 inbound.mail.test.",
                "bad.test", "_amazonses TXT \"good\""));
    }

    @AfterAll
    static void stop() {
        knot.close();
    }

    private void domain(String name, String... typeNameValue) {
        try (Database db = Database.open(data)) {
            Instant now = Instant.now();
            Domain d = new Domain(Ids.newDomainId(), DomainName.parse(name), DomainStatus.PENDING, "test", now, now, null,
                    now, null, Domain.ServiceFields.NONE);
            List<DnsRecord> records = new ArrayList<>();
            for (int i = 0; i < typeNameValue.length; i += 3) {
                records.add(DnsRecord.fromService(Ids.newRecordId(), d.id(), RecordType.parse(typeNameValue[i]),
                        typeNameValue[i + 1], typeNameValue[i + 2], null, true, false, null, now, now));
            }
            new JdbcDomainRepository(db).insert(d, records);
        }
    }

    private Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> argv = new ArrayList<>(List.of("--data-dir", data.toString()));
        argv.addAll(List.of(args));
        int code = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Clock.systemUTC()).run(argv.toArray(String[]::new));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String resolver() {
        return "127.0.0.1:" + knot.port();
    }

    @Test
    void allVerifiedExitsZeroWithATable() {
        domain("good.test", "TXT", "_amazonses.good.test", "GOOD", "MX", "good.test", "10 inbound.mail.test");
        Result r = run("check", "good.test", "--resolver", resolver());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("2 verified, 0 not verified, 0 DNS errors"), r.out());
    }

    @Test
    void aManualCheckStoresTheNextDueTimeSoTheSchedulerDoesNotRepeatIt() {
        domain("good.test", "TXT", "_amazonses.good.test", "GOOD");
        domain("bad.test", "TXT", "_amazonses.bad.test", "GOOD");
        Instant before = Instant.now();
        run("check", "--all", "--resolver", resolver());
        try (Database db = Database.open(data)) {
            JdbcDomainRepository repository = new JdbcDomainRepository(db);
            for (Domain d : repository.findAll()) {
                DnsRecord r = repository.recordsOf(d.id()).get(0);
                java.time.Duration ahead = java.time.Duration.between(before, r.nextCheckAt());
                if (d.name().ascii().equals("good.test")) { // verified: the 6 h cadence
                    assertTrue(ahead.compareTo(java.time.Duration.ofHours(6)) >= 0, ahead.toString());
                } else { // pending: the first step of the back-off
                    assertTrue(ahead.compareTo(java.time.Duration.ofMinutes(1)) >= 0
                            && ahead.compareTo(java.time.Duration.ofMinutes(2)) < 0, ahead.toString());
                }
            }
        }
    }

    @Test
    void aMismatchExitsOneAndTheJsonDocumentSaysWhy() throws IOException {
        domain("good.test", "TXT", "_amazonses.good.test", "GOOD");
        domain("bad.test", "TXT", "_amazonses.bad.test", "GOOD");
        Result r = run("check", "--all", "--resolver", resolver(), "--json", "--timeout", "2000");
        assertEquals(1, r.code(), r.out() + r.err());
        JsonNode doc = ServiceJson.mapper().readTree(r.out());
        assertTrue(doc.get("checkedAt").asText().endsWith("Z"));
        assertEquals(2, doc.get("domains").size());
        JsonNode bad = doc.get("domains").get(0);
        assertEquals("bad.test", bad.get("domain").asText());
        assertEquals("pending", bad.get("status").asText());
        JsonNode record = bad.get("records").get(0);
        for (String field : List.of("id", "recordType", "name", "value", "isVerified", "lastChecked", "checkState", "found",
                "diagnoses")) {
            assertTrue(record.has(field), field + " in " + record);
        }
        assertEquals("mismatch", record.get("checkState").asText());
        assertEquals(false, record.get("isVerified").asBoolean());
        assertEquals("good", record.get("found").get(0).asText());
        JsonNode diagnosis = record.get("diagnoses").get(0);
        assertEquals("VALUE_CASE", diagnosis.get("code").asText());
        assertEquals("error", diagnosis.get("severity").asText());
        assertTrue(diagnosis.get("message").asText().contains("GOOD"));
        assertEquals("verified", doc.get("domains").get(1).get("status").asText());
    }

    @Test
    void dnsErrorsAloneExitThree() throws IOException {
        domain("good.test", "TXT", "_amazonses.good.test", "GOOD");
        try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            Result r = run("check", "good.test", "--resolver", "127.0.0.1:" + silent.getLocalPort(), "--timeout", "500");
            assertEquals(3, r.code(), r.out() + r.err());
            assertTrue(r.out().contains("dns_error") && r.out().contains("DNS_TIMEOUT"), r.out());
            assertTrue(r.out().contains("No answer for _amazonses.good.test (timed out)"), r.out());
        }
    }

    @Test
    void aClosedPortIsReportedAsNothingListeningNotAsATimeout() throws IOException {
        domain("good.test", "TXT", "_amazonses.good.test", "GOOD");
        int closed;
        try (DatagramSocket gone = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            closed = gone.getLocalPort();
        }
        Result r = run("check", "good.test", "--resolver", "127.0.0.1:" + closed, "--timeout", "2000");
        assertEquals(3, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("DNS_UNREACHABLE") && !r.out().contains("DNS_TIMEOUT"), r.out());
        assertTrue(r.out().contains("no DNS server listens on that address and port"), r.out());
        assertTrue(r.out().contains("1 record in 1 domain: 0 verified, 0 not verified, 1 DNS error"), r.out());
    }

    @Test
    void badInputExitsTwoNamingTheProblem() {
        domain("good.test", "TXT", "_amazonses.good.test", "GOOD");
        assertUsage(run("check"), "--all");
        assertUsage(run("check", "good.test", "--all"), "not both");
        assertUsage(run("check", "nosuch.test"), "nosuch.test");
        assertUsage(run("check", "good.test", "--resolver", "127.0.0.1:99999"), "99999");
        assertUsage(run("check", "good.test", "--timeout", "soon"), "soon");
        assertUsage(run("check", "good.test", "--timeout", "0"), "--timeout");
        assertUsage(run("check", "good.test", "--frobnicate"), "--frobnicate");
    }

    private static void assertUsage(Result r, String mentioned) {
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains(mentioned), r.err());
    }
}
