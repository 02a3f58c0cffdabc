package dev.domaindesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.domaindesk.api.json.ServiceJson;
import dev.domaindesk.bench.BenchData;
import dev.domaindesk.domains.CheckState;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20, point 2: whatever DNS returns for one domain, its findings are stored, and a domain the store refuses
 * costs only its own results. Real Knot, real H2 file, the real command line.
 */
class CheckStoresEveryDomainTest {
    private static final int ORDINARY = 50;
    /** One TXT record of 10,000 characters (40 strings of 250, RFC 1035 section 3.3.14). */
    private static final String LONG_TXT = IntStream.range(0, 40)
            .mapToObj(i -> "\"" + String.valueOf((char) ('a' + i % 26)).repeat(250) + "\"").collect(Collectors.joining(" "));

    @TempDir
    static Path dir;
    static KnotServer knot;

    @TempDir
    Path data;

    @BeforeAll
    static void start() {
        Map<String, String> zones = new LinkedHashMap<>();
        // large organisations carry dozens of verification tokens at the apex
        zones.put("wide.test", IntStream.range(0, 30).mapToObj(i -> "@ TXT \"site-verification-" + i + "="
                + "0123456789abcdefghijklmnopqrstuvwxyz".repeat(4) + "\"").collect(Collectors.joining("\n")));
        zones.put("dmarcs.test", IntStream.range(0, 25).mapToObj(i -> "_dmarc TXT \"v=DMARC1; p=none; rua=mailto:"
                + "aggregate-reports-" + i + "@reports.dmarcs.test; ruf=mailto:forensic-" + i + "@reports.dmarcs.test\"")
                .collect(Collectors.joining("\n")));
        zones.put("long.test", "@ TXT " + LONG_TXT);
        zones.put("ok.test", IntStream.range(0, ORDINARY).mapToObj(i -> "_amazonses.d" + i + " TXT \"token-" + i + "\"")
                .collect(Collectors.joining("\n")));
        zones.put("amazonses.com", BenchData.INCLUDED_SPF);
        knot = KnotServer.start(dir.resolve("knot"), zones);
    }

    @AfterAll
    static void stop() {
        knot.close();
    }

    @Test
    void hugeAnswersAreStoredWholeBesideEveryOtherDomain() {
        addDomains();

        Result r = run("check", "--all", "--json", "--resolver", "127.0.0.1:" + knot.port());

        assertEquals(ExitCodes.NOT_VERIFIED, r.code(), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        JsonNode doc = json(r.out());
        assertEquals(ORDINARY + 3, doc.get("domains").size(), "every domain is in the report");
        assertTrue(doc.path("notStored").isMissingNode(), r.out());
        try (Database db = Database.open(data)) {
            JdbcDomainRepository repository = new JdbcDomainRepository(db);
            for (Domain d : repository.findAll()) {
                assertTrue(d.lastDnsCheck() != null, d.name().ascii() + " stored");
                for (DnsRecord rec : repository.recordsOf(d.id())) {
                    assertTrue(rec.checkState() != CheckState.UNCHECKED, rec.name() + " stored");
                }
            }
            DnsRecord wide = record(repository, "wide.test", "wide.test");
            assertEquals(30, wide.found().size(), "every TXT at the apex is kept");
            assertTrue(wide.diagnoses().stream().anyMatch(g -> g.message().contains("site-verification-29")),
                    "the diagnosis quotes what DNS returned, in full");
            DnsRecord dmarc = record(repository, "dmarcs.test", "_dmarc.dmarcs.test");
            assertEquals(25, dmarc.found().size());
            // RFC 7489 section 6.6.3: more than one DMARC record means no DMARC policy
            assertEquals(CheckState.MISMATCH, dmarc.checkState(), dmarc.diagnoses().toString());
            DnsRecord longTxt = record(repository, "long.test", "long.test");
            assertEquals(10_000, longTxt.found().get(0).length(), "the 10,000-character TXT is stored whole");
            assertEquals(CheckState.VERIFIED, record(repository, "d7.ok.test", "_amazonses.d7.ok.test").checkState());
        }
    }

    @Test
    void aDomainTheStoreRefusesCostsOnlyItsOwnResults() throws Exception {
        addDomains();
        addDomain("refused.ok.test", "TXT", "_amazonses.d1.ok.test", "token-1");
        try (Database db = Database.open(data); Connection c = db.connection(); Statement st = c.createStatement()) {
            // a real refusal by the real store: this one domain cannot take a check's result
            st.execute("ALTER TABLE domain ADD CONSTRAINT refuse_one CHECK (name <> 'refused.ok.test'"
                    + " OR last_dns_check IS NULL)");
        }

        Result json = run("check", "--all", "--json", "--resolver", "127.0.0.1:" + knot.port());

        assertEquals(ExitCodes.NOT_STORED, json.code(), json.err());
        JsonNode notStored = json(json.out()).get("notStored");
        assertEquals(1, notStored.size(), json.out());
        assertEquals("refused.ok.test", notStored.get(0).get("domain").asText());
        assertTrue(notStored.get(0).get("reason").asText().toUpperCase().contains("REFUSE_ONE"), notStored.toString());
        assertFalse(json.err().contains("\tat "), "no stack trace: " + json.err());
        try (Database db = Database.open(data)) {
            JdbcDomainRepository repository = new JdbcDomainRepository(db);
            for (Domain d : repository.findAll()) {
                boolean refused = d.name().ascii().equals("refused.ok.test");
                assertEquals(!refused, d.lastDnsCheck() != null, d.name().ascii());
                for (DnsRecord rec : repository.recordsOf(d.id())) {
                    assertEquals(refused, rec.checkState() == CheckState.UNCHECKED, d.name().ascii() + " " + rec.name());
                }
            }
        }

        Result table = run("check", "--all", "--resolver", "127.0.0.1:" + knot.port());
        assertEquals(ExitCodes.NOT_STORED, table.code(), table.err());
        assertTrue(table.out().contains("Not stored") && table.out().contains("  refused.ok.test: "), table.out());
    }

    private void addDomains() {
        addDomain("wide.test", "TXT", "wide.test", "v=spf1 include:amazonses.com ~all");
        addDomain("dmarcs.test", "TXT", "_dmarc.dmarcs.test", "v=DMARC1; p=quarantine;");
        addDomain("long.test", "TXT", "long.test", "v=spf1 include:amazonses.com ~all");
        for (int i = 0; i < ORDINARY; i++) {
            addDomain("d" + i + ".ok.test", "TXT", "_amazonses.d" + i + ".ok.test", "token-" + i);
        }
    }

    private void addDomain(String name, String... typeNameValue) {
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

    private static DnsRecord record(JdbcDomainRepository repository, String domain, String name) {
        Domain d = repository.findByName(DomainName.parse(domain)).orElseThrow();
        return repository.recordsOf(d.id()).stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private record Result(int code, String out, String err) {
    }

    private Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> argv = new ArrayList<>(List.of("--data-dir", data.toString()));
        argv.addAll(List.of(args));
        int code = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Clock.systemUTC()).run(argv.toArray(String[]::new));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static JsonNode json(String text) {
        try {
            return ServiceJson.mapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
