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
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code audit} and {@code check --audit} end to end: real Knot, real H2 data dir, JSON, CSV and exit codes. */
class AuditCommandTest {
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
                "good.test", "@ TXT \"v=spf1 -all\"\n_dmarc TXT \"v=DMARC1; p=reject\"\n"
                        + "s1._domainkey TXT \"v=DKIM1; p=\"\n",
                "bare.test", "@ MX 0 ."));
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

    private String resolver() {
        return "127.0.0.1:" + knot.port();
    }

    private static JsonNode requirement(JsonNode audit, String id) {
        for (JsonNode r : audit.get("senderRequirements")) {
            if (r.get("id").asText().equals(id)) {
                return r;
            }
        }
        throw new AssertionError("no requirement " + id + " in " + audit);
    }

    @Test
    void checkWithAuditPutsTheChecklistIntoTheJson() throws Exception {
        domain("good.test", "TXT", "good.test", "v=spf1 -all", "TXT", "s1._domainkey.good.test", "v=DKIM1; p=abc");
        Result r = run("check", "good.test", "--resolver", resolver(), "--timeout", "1000", "--audit", "--json");
        JsonNode audit = ServiceJson.mapper().readTree(r.out()).get("domains").get(0).get("audit");
        assertEquals("pass", requirement(audit, "spf").get("result").asText(), audit.toString());
        assertEquals("fail", requirement(audit, "dkim").get("result").asText(), "the only key is revoked");
        assertTrue(requirement(audit, "dkim").get("why").asText().contains("revoked"));
        assertEquals("pass", requirement(audit, "dmarc").get("result").asText());
        assertEquals("not-in-dns", requirement(audit, "spam-rate").get("result").asText());
        assertEquals("revoked", audit.get("dkim").get(0).get("strength").asText());

        Result later = run("check", "good.test", "--resolver", resolver(), "--timeout", "1000", "--json");
        JsonNode stored = ServiceJson.mapper().readTree(later.out()).get("domains").get(0).get("audit");
        assertEquals(audit.get("auditedAt"), stored.get("auditedAt"), "without --audit, the latest stored audit");
    }

    @Test
    void auditOfEveryDomainAsCsv() throws Exception {
        domain("good.test", "TXT", "good.test", "v=spf1 -all");
        domain("bare.test");
        Path csv = data.resolve("audit.csv");
        Result r = run("audit", "--all", "--resolver", resolver(), "--timeout", "1000", "--csv", "--output", csv.toString());
        assertEquals(ExitCodes.NOT_VERIFIED, r.code(), r.err() + r.out());
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(Files.readString(csv))).getRecords();
        assertEquals(2, rows.size());
        CSVRecord bare = rows.stream().filter(x -> x.get("domain").equals("bare.test")).findFirst().orElseThrow();
        assertEquals("fail", bare.get("dmarc"));
        assertEquals("not-in-dns", bare.get("ptr"));
        assertTrue(bare.get("findings").contains("NULL_MX"), bare.toString());
    }

    @Test
    void auditPrintsTheChecklistAndRefusesBadOptions() {
        domain("bare.test");
        Result text = run("audit", "bare.test", "--resolver", resolver(), "--timeout", "1000");
        assertTrue(text.out().contains("[fail] DMARC published, p=none or stricter"), text.out());
        assertTrue(text.out().contains("NULL_MX"), text.out());
        assertEquals(ExitCodes.USAGE, run("audit", "bare.test", "--json", "--csv").code());
        Result unknown = run("audit", "nosuch.test");
        assertEquals(ExitCodes.USAGE, unknown.code());
        assertTrue(unknown.err().contains("nosuch.test"), unknown.err());
    }

    @Test
    void helpNamesTheDnssecStateAsTheAuditPrintsIt() {
        // the text output says "DNSSEC: bogus - ..." (Dnssec.State#wire), so the help's exit codes use that word
        String help = run("audit", "--help").out();
        String bogus = dev.domaindesk.verification.audit.Dnssec.State.BOGUS.wire();
        assertTrue(help.contains("DNSSEC is " + bogus), help);
        assertTrue(!help.contains("broken"), help);
    }
}
