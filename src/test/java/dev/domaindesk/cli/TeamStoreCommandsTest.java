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
import dev.domaindesk.store.StoreCredentials;
import dev.domaindesk.store.StoreLocation;
import dev.domaindesk.testing.KnotServer;
import dev.domaindesk.testing.PostgresCluster;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
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

/**
 * The commands that read and write most of the store, on a PostgreSQL store (decision 0015), against a real Knot:
 * check (results in arrays, the change counter), history, records, audit (its upsert), export and import into
 * another team's database, api-key. The same commands' H2 tests are CheckCommandTest, HistoryCommandTest and others.
 */
class TeamStoreCommandsTest {
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

    private static void domain(String url, String name, String... typeNameValue) {
        try (Database db = Database.open(dir.resolve("setup"), StoreLocation.of(url), StoreCredentials.none())) {
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

    private Result run(String url, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> argv = new ArrayList<>(List.of("--data-dir", data.toString(), "--store", url));
        argv.addAll(List.of(args));
        int code = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Clock.systemUTC()).run(argv.toArray(String[]::new));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String resolver() {
        return "127.0.0.1:" + knot.port();
    }

    @Test
    void checkHistoryRecordsAuditExportImportAndKeysWorkOnPostgresql() throws Exception {
        String url = PostgresCluster.shared().newDatabase();
        domain(url, "good.test", "TXT", "_amazonses.good.test", "GOOD", "MX", "good.test", "10 inbound.mail.test");
        domain(url, "bad.test", "TXT", "_amazonses.bad.test", "GOOD");

        Result check = run(url, "check", "--all", "--resolver", resolver(), "--json", "--timeout", "2000");
        assertEquals(1, check.code(), check.out() + check.err());
        JsonNode doc = ServiceJson.mapper().readTree(check.out());
        JsonNode bad = doc.get("domains").get(0).get("records").get(0);
        assertEquals("mismatch", bad.get("checkState").asText());
        assertEquals("good", bad.get("found").get(0).asText());
        assertEquals("VALUE_CASE", bad.get("diagnoses").get(0).get("code").asText());

        Result records = run(url, "records", "bad.test");
        assertEquals(0, records.code(), records.err());
        assertTrue(records.out().contains("_amazonses.bad.test"), records.out());

        Result history = run(url, "history", "bad.test", "--json");
        assertEquals(0, history.code(), history.err());
        assertTrue(history.out().contains("mismatch") && history.out().contains("\"good\""),
                "the result and the values found, read back from the store's arrays: " + history.out());

        Result audit = run(url, "audit", "--all", "--resolver", resolver(), "--timeout", "1000", "--json");
        assertTrue(audit.code() == 0 || audit.code() == 1, audit.out() + audit.err());
        Result again = run(url, "audit", "good.test", "--resolver", resolver(), "--timeout", "1000", "--json");
        assertTrue(again.code() == 0 || again.code() == 1, "an audit stored again replaces the first: " + again.err());

        Path exported = data.resolve("all.json");
        Result export = run(url, "export", "--format", "json", "--output", exported.toString());
        assertEquals(0, export.code(), export.err());
        String other = PostgresCluster.shared().newDatabase();
        Result imported = run(other, "import", exported.toString());
        assertEquals(0, imported.code(), imported.out() + imported.err());
        String when = "\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z";
        assertEquals(run(url, "list").out().replaceAll(when, "T"), run(other, "list").out().replaceAll(when, "T"),
                "the other team's store lists the same domains, states and ids");

        Result key = run(url, "api-key", "create", "dashboard");
        assertEquals(0, key.code(), key.err());
        assertTrue(run(url, "api-key", "list").out().contains("dashboard"));
        assertEquals(0, run(url, "api-key", "revoke", "dashboard").code());
    }

    /** {@code serve} over a PostgreSQL store answers with what another process added, with a key made in yet another. */
    @Test
    void serveAnswersFromThePostgresqlStore() throws Exception {
        String url = PostgresCluster.shared().newDatabase();
        domain(url, "served.test", "TXT", "_amazonses.served.test", "GOOD");
        try (dev.domaindesk.app.AppContext app = new dev.domaindesk.app.AppContext(data.resolve("serve"),
                StoreLocation.of(url), StoreCredentials.none(), Clock.systemUTC());
             dev.domaindesk.api.server.ApiServer server = app.startApiServer("127.0.0.1", 0, 2)) {
            Result key = run(url, "api-key", "create", "dashboard");
            assertEquals(0, key.code(), key.err());
            String secret = key.out().strip().lines().reduce((first, last) -> last).orElseThrow(); // printed last
            java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
                            + server.address().getPort() + "/api/v2/domains")).header("Authorization", "Bearer " + secret)
                            .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer.body() + " / " + key.out());
            assertTrue(answer.body().contains("served.test"), answer.body());
        }
    }
}
