package dev.domaindesk.api.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.domaindesk.api.json.ServiceJson;
import dev.domaindesk.apikeys.ApiKeyService;
import dev.domaindesk.api.testing.ApiTestData;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.DomainWithRecords;
import dev.domaindesk.store.Database;
import dev.domaindesk.store.JdbcApiKeyRepository;
import dev.domaindesk.store.JdbcDomainRepository;
import dev.domaindesk.verification.CheckStarter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server over real HTTP on loopback: shapes field for field, paging, meta, auth, errors. */
class ApiServerTest {
    static final Set<String> DOMAIN_FIELDS = Set.of("id", "domain", "status", "canReceiveEmails", "hasMxRecords",
            "domainProvider", "providerConfidence", "lastDnsCheck", "lastSesCheck", "isCatchAllEnabled", "createdAt",
            "updatedAt");
    static final Set<String> RECORD_FIELDS = Set.of("id", "domainId", "recordType", "name", "value", "priority",
            "isRequired", "isVerified", "lastChecked", "createdAt", "updatedAt");
    static final String ISO_MILLIS = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";

    @TempDir
    static Path dir;
    static Database db;
    static ApiKeyService keys;
    static ApiServer server;
    static String key;
    static final List<DomainWithRecords> DOMAINS = ApiTestData.domains(250);
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws Exception {
        db = Database.open(dir);
        JdbcDomainRepository repository = new JdbcDomainRepository(db);
        DOMAINS.forEach(d -> repository.insert(d.domain(), d.records()));
        keys = new ApiKeyService(new JdbcApiKeyRepository(db),
                Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
        key = keys.create("tests").secret();
        server = ApiServer.start("127.0.0.1", 0, 4, repository, keys, null);
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }

    static HttpResponse<String> get(String pathAndQuery, String bearer) throws Exception {
        return send("GET", pathAndQuery, bearer);
    }

    static HttpResponse<String> send(String method, String pathAndQuery, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.address().getPort()
                + pathAndQuery)).method(method, HttpRequest.BodyPublishers.noBody());
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return ServiceJson.mapper().readTree(response.body());
    }

    static Set<String> fields(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    @Test
    void theListHasTheDocumentedShapeFieldForField() throws Exception {
        HttpResponse<String> response = get("/api/v2/domains", key);
        assertEquals(200, response.statusCode());
        JsonNode body = json(response);
        assertEquals(Set.of("data", "pagination", "meta"), fields(body));
        assertEquals(Set.of("limit", "offset", "total", "hasMore"), fields(body.get("pagination")));
        assertEquals(Set.of("totalCount", "verifiedCount", "withCatchAllCount", "statusBreakdown"), fields(body.get("meta")));
        assertEquals(Set.of("verified", "pending", "failed"), fields(body.get("meta").get("statusBreakdown")));
        assertEquals(50, body.get("data").size());
        for (JsonNode d : body.get("data")) {
            assertEquals(new TreeSet<>(DOMAIN_FIELDS), fields(d));
            assertTrue(d.get("createdAt").asText().matches(ISO_MILLIS), d.get("createdAt").asText());
        }
        JsonNode first = body.get("data").get(0);
        assertEquals("dom_000000", first.get("id").asText());
        assertEquals("d000.example.com", first.get("domain").asText());
        assertEquals("pending", first.get("status").asText());
        assertEquals("2025-09-01T09:58:42.123Z", first.get("lastDnsCheck").asText());
        assertTrue(first.get("domainProvider").isNull());
        assertEquals("2025-09-01T09:58:17.123Z", first.get("lastSesCheck").asText());
    }

    @Test
    void pagingAndMetaCountTheWholeStore() throws Exception {
        List<String> ids = new ArrayList<>();
        int[] expectedSizes = {100, 100, 50};
        for (int page = 0; page < 3; page++) {
            JsonNode body = json(get("/api/v2/domains?limit=100&offset=" + page * 100, key));
            assertEquals(expectedSizes[page], body.get("data").size());
            JsonNode p = body.get("pagination");
            assertEquals(100, p.get("limit").asInt());
            assertEquals(page * 100, p.get("offset").asInt());
            assertEquals(250, p.get("total").asInt());
            assertEquals(page < 2, p.get("hasMore").asBoolean());
            body.get("data").forEach(d -> ids.add(d.get("id").asText()));
            JsonNode meta = body.get("meta");
            assertEquals(250, meta.get("totalCount").asInt());
            long verified = DOMAINS.stream().filter(d -> d.domain().status().wire().equals("verified")).count();
            assertEquals(verified, meta.get("verifiedCount").asInt());
            assertEquals(DOMAINS.stream().filter(d -> Boolean.TRUE.equals(d.domain().provider().isCatchAllEnabled()))
                    .count(), meta.get("withCatchAllCount").asInt());
            JsonNode breakdown = meta.get("statusBreakdown");
            for (String s : List.of("verified", "pending", "failed")) {
                assertEquals(DOMAINS.stream().filter(d -> d.domain().status().wire().equals(s)).count(),
                        breakdown.get(s).asInt(), s);
            }
        }
        assertEquals(DOMAINS.stream().map(d -> d.domain().id()).toList(), ids);
    }

    @Test
    void statusFiltersTheListAndItsTotal() throws Exception {
        JsonNode body = json(get("/api/v2/domains?status=verified&limit=100", key));
        long verified = DOMAINS.stream().filter(d -> d.domain().status().wire().equals("verified")).count();
        assertEquals(verified, body.get("pagination").get("total").asInt());
        assertEquals(verified, body.get("data").size());
        body.get("data").forEach(d -> assertEquals("verified", d.get("status").asText()));
        JsonNode receiving = json(get("/api/v2/domains?canReceive=false&limit=100", key));
        long notReceiving = DOMAINS.stream().filter(d -> !d.domain().provider().canReceiveEmails()).count();
        assertEquals(notReceiving, receiving.get("pagination").get("total").asInt());
    }

    @Test
    void dnsRecordsHaveTheDocumentedShapeSortedByType() throws Exception {
        DomainWithRecords d = DOMAINS.get(3);
        JsonNode body = json(get("/api/v2/domains/" + d.domain().id() + "/dns-records", key));
        assertEquals(Set.of("domainId", "domain", "records"), fields(body));
        assertEquals(d.domain().id(), body.get("domainId").asText());
        assertEquals(d.domain().name().ascii(), body.get("domain").asText());
        List<String> types = new ArrayList<>();
        for (JsonNode r : body.get("records")) {
            assertEquals(new TreeSet<>(RECORD_FIELDS), fields(r));
            types.add(r.get("recordType").asText());
            DnsRecord stored = d.records().stream().filter(x -> x.id().equals(r.get("id").asText())).findFirst().orElseThrow();
            assertEquals(stored.value(), r.get("value").asText());
            assertEquals(stored.priority() == null, r.get("priority").isNull());
            assertEquals(stored.isVerified(), r.get("isVerified").asBoolean());
            assertTrue(r.get("updatedAt").asText().matches(ISO_MILLIS));
        }
        assertEquals(List.of("CNAME", "MX", "MX", "TXT", "TXT"), types);
    }

    @Test
    void oneDomainById() throws Exception {
        JsonNode body = json(get("/api/v2/domains/dom_000007", key));
        assertEquals(new TreeSet<>(DOMAIN_FIELDS), fields(body));
        assertEquals("d007.example.com", body.get("domain").asText());
    }

    @Test
    void noKeyAWrongKeyOrARevokedKeyGets401AndNoData() throws Exception {
        String revoked = keys.create("to-revoke").secret();
        assertEquals(200, get("/api/v2/domains", revoked).statusCode());
        keys.revoke("to-revoke");
        for (String bearer : new String[] {null, "ddk_wrong", key + "x", revoked}) {
            for (String path : List.of("/api/v2/domains", "/api/v2/domains/dom_000001", "/api/v2/nothing")) {
                HttpResponse<String> response = get(path, bearer);
                assertEquals(401, response.statusCode(), path + " with " + bearer);
                assertEquals("{\"error\":\"Unauthorized\"}", json(response).toString());
            }
        }
        HttpResponse<String> basic = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + server.address().getPort() + "/api/v2/domains")).header("Authorization", "Basic " + key).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, basic.statusCode());
    }

    @Test
    void unknownDomainsAre404WithTheServicesText() throws Exception {
        for (String path : List.of("/api/v2/domains/dom_nope", "/api/v2/domains/dom_nope/dns-records")) {
            HttpResponse<String> response = get(path, key);
            assertEquals(404, response.statusCode());
            assertEquals("Domain not found", json(response).get("error").asText());
        }
        assertEquals(404, get("/api/v2/domains/dom_000001/other", key).statusCode());
    }

    @Test
    void badLimitsAndOffsetsAre400WithTheServicesText() throws Exception {
        for (String q : List.of("limit=0", "limit=101", "limit=abc", "limit=-5")) {
            HttpResponse<String> response = get("/api/v2/domains?" + q, key);
            assertEquals(400, response.statusCode(), q);
            assertEquals("Limit must be between 1 and 100", json(response).get("error").asText());
        }
        for (String q : List.of("offset=-1", "offset=x")) {
            HttpResponse<String> response = get("/api/v2/domains?" + q, key);
            assertEquals(400, response.statusCode(), q);
            assertEquals("Offset must be non-negative", json(response).get("error").asText());
        }
        assertEquals(400, get("/api/v2/domains?status=done", key).statusCode());
    }

    @Test
    void otherMethodsAre405() throws Exception {
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            HttpResponse<String> response = send(method, "/api/v2/domains/dom_000001", key);
            assertEquals(405, response.statusCode(), method);
            assertEquals("GET", response.headers().firstValue("Allow").orElse(""));
        }
    }

    @Test
    void manyConcurrentClientsAreAllServed() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
        HttpClient shared = HttpClient.newHttpClient();
        for (int i = 0; i < 64; i++) {
            all.add(shared.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.address().getPort()
                    + "/api/v2/domains/" + DOMAINS.get(i).domain().id() + "/dns-records"))
                    .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString()));
        }
        for (int i = 0; i < all.size(); i++) {
            HttpResponse<String> response = all.get(i).get();
            assertEquals(200, response.statusCode());
            assertEquals(DOMAINS.get(i).domain().id(), json(response).get("domainId").asText());
        }
    }

    @Test
    void anInternalFailureIs500WithDetails() throws Exception {
        CheckStarter broken = (domains, listener) -> {
            throw new IllegalStateException("resolver pool is gone");
        };
        try (ApiServer failing = ApiServer.start("127.0.0.1", 0, 2, new JdbcDomainRepository(db), keys, broken)) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + failing.address().getPort() + "/api/v2/domains/dom_000001?check=true"))
                    .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(500, response.statusCode());
            JsonNode body = json(response);
            assertEquals("Failed to fetch domain", body.get("error").asText());
            assertEquals("resolver pool is gone", body.get("details").asText());
        }
    }

    @Test
    void checkWithoutAnEngineSaysSoInsteadOfPretending() throws Exception {
        assertEquals(501, get("/api/v2/domains/dom_000001?check=true", key).statusCode());
    }
}
