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
import dev.domaindesk.store.JdbcSettingsRepository;
import dev.domaindesk.testing.KnotServer;
import dev.domaindesk.testing.TestClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Record history end to end: real Knot whose zone changes between checks, a real H2 data dir, the {@code history}
 * command. A check that changes nothing adds nothing; a change appends; history goes with its domain.
 */
class HistoryCommandTest {
    private static final String ZONE_OK = "_amazonses TXT \"TOKEN\"\n";
    private static final String ZONE_WITHOUT = "www A 127.0.0.1\n";
    private static final Instant DAY1 = Instant.parse("2026-11-01T09:00:00.000Z");

    @TempDir
    static Path dir;
    static KnotServer knot;

    @TempDir
    Path data;
    private final TestClock clock = new TestClock(DAY1);

    record Result(int code, String out, String err) {
    }

    @BeforeAll
    static void start() {
        knot = KnotServer.start(dir.resolve("knot"), Map.of("hist.test", ZONE_OK));
    }

    @AfterAll
    static void stop() {
        knot.close();
    }

    private Domain domain(String name) {
        try (Database db = Database.open(data)) {
            Instant now = clock.instant();
            Domain d = new Domain(Ids.newDomainId(), DomainName.parse(name), DomainStatus.PENDING, "test", now, now, null,
                    now, null, Domain.ServiceFields.NONE);
            List<DnsRecord> records = new ArrayList<>();
            records.add(DnsRecord.fromService(Ids.newRecordId(), d.id(), RecordType.TXT, "_amazonses." + name, "TOKEN",
                    null, true, false, null, now, now));
            new JdbcDomainRepository(db).insert(d, records);
            return d;
        }
    }

    private Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> argv = new ArrayList<>(List.of("--data-dir", data.toString()));
        argv.addAll(List.of(args));
        int code = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), clock).run(argv.toArray(String[]::new));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private void check(int expectedExit) {
        Result r = run("check", "hist.test", "--resolver", "127.0.0.1:" + knot.port());
        assertEquals(expectedExit, r.code(), r.out() + r.err());
    }

    /** Past results in the history table (the current result of each record is its own row). */
    private int historyRows() throws Exception {
        try (Database db = Database.open(data); Connection c = db.connection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM record_history")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void aChangeAppendsAnEntryAndAnUnchangedCheckDoesNot() throws Exception {
        knot.zone("hist.test", ZONE_OK);
        domain("hist.test");
        check(0);                       // 1 Nov: verified, the first entry
        clock.advance(Duration.ofDays(1));
        check(0);                       // 2 Nov: unchanged, nothing added
        assertEquals(0, historyRows(), "a first and an unchanged check add no history row");
        clock.advance(Duration.ofDays(1));
        knot.zone("hist.test", ZONE_WITHOUT);
        check(1);                       // 3 Nov: the TXT is gone
        clock.advance(Duration.ofDays(2));
        knot.zone("hist.test", ZONE_OK);
        check(0);                       // 5 Nov: back
        clock.advance(Duration.ofDays(1));
        check(0);                       // 6 Nov: unchanged
        assertEquals(2, historyRows(), "two results ended: verified 1-3 Nov, missing 3-5 Nov");

        JsonNode history = ServiceJson.mapper().readTree(run("history", "hist.test", "--json").out())
                .get("records").get(0).get("history");
        assertEquals(3, history.size(), history.toString());
        assertEquals("verified", history.get(0).get("state").asText());
        assertTrue(history.get(0).get("current").asBoolean());
        assertEquals("2026-11-05T09:00:00.000Z", history.get(0).get("from").asText());
        assertEquals("2026-11-06T09:00:00.000Z", history.get(0).get("until").asText(), "the newest lasts until the last check");
        assertEquals("missing", history.get(1).get("state").asText());
        assertEquals("2026-11-03T09:00:00.000Z", history.get(1).get("from").asText());
        assertEquals("2026-11-05T09:00:00.000Z", history.get(1).get("until").asText());
        assertEquals("verified", history.get(2).get("state").asText());
        assertEquals("TOKEN", history.get(2).get("found").get(0).asText());

        Result text = run("history", "hist.test");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("since 5 Nov verified; 3 Nov–5 Nov missing; 1 Nov–3 Nov verified"), text.out());
    }

    @Test
    void resultsOfTheSameDayReadWithTheirTimes() throws Exception {
        knot.zone("hist.test", ZONE_WITHOUT);
        domain("hist.test");
        check(1);                       // 1 Nov 09:00: missing
        clock.advance(Duration.ofMinutes(20));
        knot.zone("hist.test", ZONE_OK);
        check(0);                       // 09:20: verified
        clock.advance(Duration.ofMinutes(18));
        knot.zone("hist.test", ZONE_WITHOUT);
        check(1);                       // 09:38: missing again
        Result text = run("history", "hist.test");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("since 1 Nov 09:38 missing; 1 Nov 09:20–09:38 verified; 1 Nov 09:00–09:20 missing"),
                "by day alone the three would read alike: " + text.out());
    }

    @Test
    void historyOutlivesAnImportOfTheSameRecordsAndGoesWithItsDomain() throws Exception {
        knot.zone("hist.test", ZONE_OK);
        domain("hist.test");
        check(0);
        clock.advance(Duration.ofDays(1));
        knot.zone("hist.test", ZONE_WITHOUT);
        check(1);
        Path export = data.resolveSibling(data.getFileName() + "-export.json");
        assertEquals(0, run("export", "--format", "json", "--output", export.toString()).code());
        Result imported = run("import", export.toString());
        assertEquals(0, imported.code(), imported.out() + imported.err());
        assertEquals(1, historyRows(), "an import of unchanged records keeps their history");
        JsonNode history = ServiceJson.mapper().readTree(run("history", "hist.test", "--json").out())
                .get("records").get(0).get("history");
        assertEquals("2026-11-02T09:00:00.000Z", history.get(0).get("from").asText(),
                "the current result still dates from the check that found it, not from the import");
        assertEquals("missing", history.get(0).get("state").asText());

        assertEquals(0, run("remove", "hist.test").code());
        assertEquals(0, historyRows(), "history goes with its domain");
    }

    @Test
    void pruningDropsOldEntriesButKeepsEachRecordsNewest() throws Exception {
        knot.zone("hist.test", ZONE_OK);
        domain("hist.test");
        check(0);                       // 1 Nov verified
        clock.advance(Duration.ofDays(1));
        knot.zone("hist.test", ZONE_WITHOUT);
        check(1);                       // 2 Nov missing
        try (Database db = Database.open(data)) {
            new JdbcSettingsRepository(db).put("history.retentionDays", "30");
        }
        clock.advance(Duration.ofDays(60));
        check(1);                       // 1 Jan: unchanged; the run's housekeeping prunes
        JsonNode history = ServiceJson.mapper().readTree(run("history", "hist.test", "--json").out())
                .get("records").get(0).get("history");
        assertEquals(1, history.size(), history.toString());
        assertEquals("missing", history.get(0).get("state").asText(), "the newest entry still says what it is now");
    }

    @Test
    void anUnknownDomainIsExitFour() {
        Result r = run("history", "nowhere.test");
        assertEquals(4, r.code(), r.out() + r.err());
    }
}
