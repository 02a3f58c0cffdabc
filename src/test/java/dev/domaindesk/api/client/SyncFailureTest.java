package dev.domaindesk.api.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.api.json.ServiceDocuments;
import dev.domaindesk.api.json.ServiceJson;
import dev.domaindesk.api.testing.ApiTestData;
import dev.domaindesk.api.testing.FakeService;
import dev.domaindesk.api.testing.SelfSignedHttps;
import dev.domaindesk.domains.DomainStatus;
import dev.domaindesk.domains.DomainWithRecords;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every failure of the issue: a clear message, the right kind, and the store exactly as before. */
class SyncFailureTest {
    @TempDir
    Path dir;
    SyncHarness h;
    String before;
    int baseline;

    @BeforeEach
    void syncOnceThenOfferADifferentView() throws Exception {
        h = new SyncHarness(dir);
        h.service.serve(ApiTestData.domains(5));
        h.sync();
        h.service.serve(ApiTestData.domains(12).subList(3, 12));
        before = h.dump();
        baseline = h.service.requests().size();
    }

    @AfterEach
    void close() {
        h.close();
    }

    private ApiException failsLeavingStoreUnchanged(ApiException.Kind kind, String expectedText) {
        return failsLeavingStoreUnchanged(h.service.url(), kind, expectedText);
    }

    private ApiException failsLeavingStoreUnchanged(String url, ApiException.Kind kind, String expectedText) {
        ApiException e = assertThrows(ApiException.class, () -> h.sync.sync(url, SyncListener.NONE));
        assertEquals(kind, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains(expectedText), e.getMessage());
        assertFalse(e.getMessage().contains(FakeService.KEY), "the key leaked into: " + e.getMessage());
        assertEquals(before, h.dump(), "the store changed after: " + e.getMessage());
        return e;
    }

    @Test
    void aRejectedKeyIsReportedAsSuch() throws Exception {
        h.close();
        h = new SyncHarness(dir, Map.of(ServiceKeySource.ENV, "sk_wrong_key_000000000000"));
        h.service.serve(ApiTestData.domains(3));
        before = h.dump();
        failsLeavingStoreUnchanged(ApiException.Kind.AUTH, "the API key was rejected");
    }

    @Test
    void aServiceThatEchoesTheKeyDoesNotMakeUsPrintIt() {
        h.service.on(p -> p.startsWith("/domains?"), (ex, n) -> FakeService.send(ex, 401,
                "{\"error\": \"Invalid API key " + FakeService.KEY + "\"}"));
        ApiException e = failsLeavingStoreUnchanged(ApiException.Kind.AUTH, "Invalid API key ****");
        assertTrue(e.getMessage().contains(FakeService.KEY.substring(FakeService.KEY.length() - 4)), e.getMessage());
    }

    @Test
    void aBodyEchoingTheKeyIsNotQuotedInFull() {
        h.service.on(p -> p.startsWith("/domains?"), (ex, n) -> FakeService.send(ex, 200, FakeService.KEY + " <html>"));
        failsLeavingStoreUnchanged(ApiException.Kind.BAD_RESPONSE, "is not JSON");
    }

    @Test
    void notFoundOnOneDomainsRecordsFailsTheWholeSync() {
        h.service.on(p -> p.equals("/domains/dom_000008/dns-records"),
                (ex, n) -> FakeService.send(ex, 404, "{\"error\": \"Domain not found\"}"));
        failsLeavingStoreUnchanged(ApiException.Kind.NOT_FOUND, "Domain not found");
    }

    @Test
    void badRequestCarriesTheServicesErrorText() {
        h.service.on(p -> p.startsWith("/domains?"),
                (ex, n) -> FakeService.send(ex, 400, "{\"error\": \"Limit must be between 1 and 100\"}"));
        failsLeavingStoreUnchanged(ApiException.Kind.BAD_REQUEST, "Limit must be between 1 and 100");
    }

    @Test
    void rateLimitingIsRetriedAFewTimesHonouringRetryAfterThenGivenUp() {
        h.service.on(p -> p.startsWith("/domains?"), (ex, n) -> {
            ex.getResponseHeaders().set("Retry-After", "2");
            FakeService.send(ex, 429, "{\"error\": \"Too many requests\"}");
        });
        failsLeavingStoreUnchanged(ApiException.Kind.RATE_LIMITED, "429");
        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2)), h.waits);
        assertEquals(4, h.service.requests().size() - baseline);
    }

    @Test
    void aRetryAfterLongerThanAMinuteFailsAtOnce() {
        h.service.on(p -> p.startsWith("/domains?"), (ex, n) -> {
            ex.getResponseHeaders().set("Retry-After", "3600");
            FakeService.send(ex, 429, "{\"error\": \"Too many requests\"}");
        });
        failsLeavingStoreUnchanged(ApiException.Kind.RATE_LIMITED, "asks to wait 3600 s");
        assertTrue(h.waits.isEmpty());
    }

    @Test
    void serverErrorsAreRetriedWithBackoffThenReportedWithTheirDetails() {
        h.service.on(p -> p.endsWith("/dns-records"), (ex, n) -> FakeService.send(ex, 500,
                "{\"error\": \"Failed to fetch DNS records\", \"details\": \"connection pool exhausted\"}"));
        h.settings.put("api.parallelism", "1");
        before = h.dump();
        failsLeavingStoreUnchanged(ApiException.Kind.SERVER, "Failed to fetch DNS records (connection pool exhausted)");
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), h.waits);
    }

    @Test
    void aSlowAnswerTimesOutAfterTheRequestTimeout() {
        h.settings.put("api.requestTimeoutMs", "400");
        before = h.dump();
        h.service.on(p -> p.equals("/domains/dom_000004/dns-records"), (ex, n) -> {
            sleep(2500);
            FakeService.send(ex, 200, "{}");
        });
        failsLeavingStoreUnchanged(ApiException.Kind.TIMEOUT, "within 400 ms (setting api.requestTimeoutMs)");
    }

    @Test
    void aBodyThatTricklesInTimesOutToo() {
        h.settings.put("api.requestTimeoutMs", "400");
        before = h.dump();
        h.service.on(p -> p.startsWith("/domains?"), (ex, n) -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                out.write("{\"data\": [".getBytes(StandardCharsets.UTF_8));
                out.flush();
                sleep(2500);
            } catch (IOException closedByClient) {
                // expected
            }
        });
        failsLeavingStoreUnchanged(ApiException.Kind.TIMEOUT, "no complete answer");
    }

    @Test
    void garbageIsNotJson() {
        h.service.on(p -> p.startsWith("/domains?"),
                (ex, n) -> FakeService.send(ex, 200, "<html><body>Bad gateway</body></html>"));
        failsLeavingStoreUnchanged(ApiException.Kind.BAD_RESPONSE, "is not JSON (it starts with \"<html>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "null", "[1, 2]", "{\"data\": [", "\u0000\u0001\u00ff binary", "{\"records\": []}",
        "{\"data\": {}, \"pagination\": {\"total\": 1, \"hasMore\": false}}",
        "{\"data\": [{\"id\": 7}], \"pagination\": {\"total\": 1, \"hasMore\": false}}"})
    void anyOtherGarbageIsRefusedToo(String body) {
        h.service.on(p -> p.startsWith("/domains?"), (ex, n) -> FakeService.send(ex, 200, body));
        failsLeavingStoreUnchanged(ApiException.Kind.BAD_RESPONSE, "nothing was changed");
    }

    @Test
    void aListWithoutHasMoreNamesTheField() {
        h.service.on(p -> p.startsWith("/domains?"), (ex, n) -> FakeService.send(ex, 200,
                "{\"data\": [], \"pagination\": {\"limit\": 100, \"offset\": 0, \"total\": 0}}"));
        failsLeavingStoreUnchanged(ApiException.Kind.BAD_RESPONSE, "'pagination.hasMore'");
    }

    @Test
    void aRecordWithoutValueNamesTheRecordAndField() {
        h.service.on(p -> p.equals("/domains/dom_000005/dns-records"), (ex, n) -> FakeService.send(ex, 200,
                "{\"domainId\": \"dom_000005\", \"domain\": \"d005.example.com\", \"records\": [{\"id\": \"dns_x\","
                        + " \"recordType\": \"TXT\", \"name\": \"d005.example.com\", \"isRequired\": true}]}"));
        ApiException e = failsLeavingStoreUnchanged(ApiException.Kind.BAD_RESPONSE, "field 'value' is missing");
        assertTrue(e.getMessage().contains("records[0] (id dns_x)"), e.getMessage());
        assertTrue(e.getMessage().contains("GET /domains/dom_000005/dns-records"), e.getMessage());
    }

    @Test
    void aPageThatRepeatsForeverIsRefused() {
        h.service.on(p -> p.startsWith("/domains?"), (ex, n) -> FakeService.send(ex, 200, page(
                ApiTestData.domains(2), 0, 1000, true)));
        failsLeavingStoreUnchanged(ApiException.Kind.BAD_RESPONSE, "repeats domain d000.example.com");
    }

    @Test
    void pagesThatNeverEndAreCutOffAtTheSetting() {
        h.settings.put("api.maxPages", "4");
        before = h.dump();
        h.service.on(p -> p.startsWith("/domains?"), (ex, n) -> FakeService.send(ex, 200, page(
                List.of(ApiTestData.domain(1000 + n)), 0, 1_000_000, true)));
        failsLeavingStoreUnchanged(ApiException.Kind.BAD_RESPONSE, "did not end after 4 pages");
        assertEquals(4, h.service.requests().size() - baseline);
    }

    @Test
    void anAnswerOverTheSizeLimitIsRefused() {
        h.settings.put("api.maxResponseBytes", "2048");
        before = h.dump();
        failsLeavingStoreUnchanged(ApiException.Kind.BAD_RESPONSE, "larger than 2048 bytes");
    }

    @Test
    void aChunkedAnswerOverTheSizeLimitIsRefusedWhileReading() {
        h.settings.put("api.maxResponseBytes", "4096");
        before = h.dump();
        h.service.on(p -> p.startsWith("/domains?"), (ex, n) -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 1000; i++) {
                    out.write("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[".getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException closedByClient) {
                // expected
            }
        });
        failsLeavingStoreUnchanged(ApiException.Kind.BAD_RESPONSE, "larger than 4096 bytes");
    }

    @Test
    void aRedirectIsNotFollowedWithTheKey() {
        h.service.on(p -> p.startsWith("/domains?"), (ex, n) -> {
            ex.getResponseHeaders().set("Location", "https://elsewhere.example/api/v2/domains");
            FakeService.send(ex, 302, "");
        });
        failsLeavingStoreUnchanged(ApiException.Kind.BAD_RESPONSE, "does not follow redirects");
        assertEquals(1, h.service.requests().size() - baseline);
    }

    @Test
    void anUntrustedCertificateIsATlsFailure() throws Exception {
        try (SelfSignedHttps https = new SelfSignedHttps(dir)) {
            failsLeavingStoreUnchanged(https.url(), ApiException.Kind.TLS, "the TLS connection to 127.0.0.1:");
        }
    }

    @Test
    void aServerThatNeverAcceptsTimesOutConnecting() throws Exception {
        h.settings.put("api.connectTimeoutMs", "500");
        before = h.dump();
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> fillers = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    Socket s = new Socket();
                    try {
                        s.connect(full.getLocalSocketAddress(), 300);
                    } catch (IOException queueAlreadyFull) {
                        s.close();
                        break;
                    }
                    fillers.add(s);
                }
                failsLeavingStoreUnchanged("http://127.0.0.1:" + full.getLocalPort() + "/api/v2",
                        ApiException.Kind.TIMEOUT, "within 500 ms (setting api.connectTimeoutMs)");
            } finally {
                for (Socket s : fillers) {
                    s.close();
                }
            }
        }
    }

    @Test
    void aClosedPortIsANetworkFailure() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        failsLeavingStoreUnchanged("http://127.0.0.1:" + port + "/api/v2", ApiException.Kind.NETWORK,
                "cannot connect to 127.0.0.1:" + port);
    }

    @Test
    void plainHttpToAnotherMachineIsRefusedBeforeAnyRequest() {
        failsLeavingStoreUnchanged("http://api.example.com/api/v2", ApiException.Kind.CONFIG, "plain http:// is refused");
    }

    @Test
    void noKeyAtAllSaysHowToProvideOne() throws Exception {
        h.close();
        h = new SyncHarness(dir, Map.of());
        before = h.dump();
        failsLeavingStoreUnchanged(ApiException.Kind.CONFIG, "DOMAINDESK_API_KEY");
        assertTrue(h.service.requests().isEmpty());
    }

    private static String page(List<DomainWithRecords> domains, int offset, int total, boolean hasMore) {
        try {
            var doc = ServiceDocuments.list(domains.stream().map(DomainWithRecords::domain).toList(), 100, offset, total,
                    Map.of(DomainStatus.PENDING, total), 0);
            var node = ServiceJson.mapper().valueToTree(doc);
            ((com.fasterxml.jackson.databind.node.ObjectNode) node.get("pagination")).put("hasMore", hasMore);
            return ServiceJson.mapper().writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
