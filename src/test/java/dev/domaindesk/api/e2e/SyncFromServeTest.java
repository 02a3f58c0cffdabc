package dev.domaindesk.api.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.api.client.ServiceKeySource;
import dev.domaindesk.api.server.ApiServer;
import dev.domaindesk.api.testing.ApiTestData;
import dev.domaindesk.app.AppContext;
import dev.domaindesk.app.AppContextAccess;
import dev.domaindesk.cli.Cli;
import dev.domaindesk.domains.Domain;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DomainDesk B syncs from DomainDesk A's serve: both then serve byte-identical documents. */
class SyncFromServeTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-02-03T04:05:06.789Z"), ZoneOffset.UTC);
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path a;
    @TempDir
    Path b;

    @Test
    void syncCopiesEveryDomainAndRecordLosslessly() throws Exception {
        String key;
        List<String> sourceDocuments;
        List<String> paths = new ArrayList<>();
        try (AppContext source = new AppContext(a, CLOCK)) {
            ApiTestData.domains(130).forEach(d -> AppContextAccess.repository(source).insert(d.domain(), d.records()));
            source.domains().add("bücher.example", null);
            source.domains().add("added.example.org", null);
            key = source.apiKeys().create("replica").secret();
            try (ApiServer server = ApiServer.start("127.0.0.1", 0, 4, AppContextAccess.repository(source),
                    source.apiKeys(), null)) {
                paths.add("/api/v2/domains?limit=100&offset=0");
                paths.add("/api/v2/domains?limit=100&offset=100");
                paths.add("/api/v2/domains?status=verified&limit=7&offset=3");
                for (Domain d : AppContextAccess.repository(source).findAll()) {
                    paths.add("/api/v2/domains/" + d.id());
                    paths.add("/api/v2/domains/" + d.id() + "/dns-records");
                }
                sourceDocuments = fetchAll(server, key, paths);

                new ServiceKeySource(b, Map.of()).save(key);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                int exit = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8), CLOCK).run(new String[] {
                        "--data-dir", b.toString(), "sync", "--api-url",
                        "http://127.0.0.1:" + server.address().getPort() + "/api/v2"});
                assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
                String summary = out.toString(StandardCharsets.UTF_8);
                assertTrue(summary.contains("synced 132 domains with " + (130 * 5 + 2 * 9) + " records"), summary);
                assertTrue(summary.contains("removed 0 domains"), summary);
                assertTrue(!summary.contains(key) && !err.toString(StandardCharsets.UTF_8).contains(key));
            }
        }
        try (AppContext replica = new AppContext(b, CLOCK)) {
            String replicaKey = replica.apiKeys().create("check").secret();
            try (ApiServer server = ApiServer.start("127.0.0.1", 0, 4, AppContextAccess.repository(replica),
                    replica.apiKeys(), null)) {
                List<String> replicaDocuments = fetchAll(server, replicaKey, paths);
                for (int i = 0; i < paths.size(); i++) {
                    assertEquals(sourceDocuments.get(i), replicaDocuments.get(i), paths.get(i));
                }
            }
        }
    }

    private static List<String> fetchAll(ApiServer server, String key, List<String> paths) throws Exception {
        List<String> bodies = new ArrayList<>();
        for (String path : paths) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + server.address().getPort() + path)).header("Authorization", "Bearer " + key).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), path);
            bodies.add(response.body());
        }
        return bodies;
    }
}
