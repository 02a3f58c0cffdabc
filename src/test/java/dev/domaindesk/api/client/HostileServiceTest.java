package dev.domaindesk.api.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.api.json.ServiceDocuments;
import dev.domaindesk.api.json.ServiceJson;
import dev.domaindesk.api.testing.ApiTestData;
import dev.domaindesk.api.testing.FakeService;
import dev.domaindesk.domains.DomainStatus;
import dev.domaindesk.domains.DomainWithRecords;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service on loopback that never lets a sync finish: a listing that goes on forever with new domains, an
 * answer that never comes, a retry that asks to wait. {@code api.maxSyncSeconds} stops each, says why, and the
 * store is what it was (a sync is all or nothing).
 */
class HostileServiceTest {
    /** Far longer than any limit set here: a sync still running then was not stopped by the limit. */
    private static final long NOT_STOPPED_MS = 30_000;

    @TempDir
    Path dir;
    SyncHarness h;
    String before;

    @BeforeEach
    void aStoreSyncedOnce() throws Exception {
        h = new SyncHarness(dir);
        h.service.serve(ApiTestData.domains(3));
        h.sync();
        before = h.dump();
    }

    @AfterEach
    void close() {
        h.close();
    }

    private ApiException stopsByTheLimit(String seconds, String doing) {
        h.settings.put(ClientSettings.MAX_SYNC_SECONDS, seconds);
        before = h.dump();
        long start = System.nanoTime();
        ApiException e = assertThrows(ApiException.class, h::sync);
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(ApiException.Kind.TIMEOUT, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("the sync was stopped after " + seconds + " s (setting api.maxSyncSeconds)"
                + " while " + doing), e.getMessage());
        assertTrue(e.getMessage().endsWith("nothing was changed"), e.getMessage());
        assertTrue(tookMs < NOT_STOPPED_MS, "took " + tookMs + " ms");
        assertEquals(before, h.dump(), "the store changed");
        return e;
    }

    @Test
    void anEndlessListingOfNewDomainsStopsAtTheTimeLimit() {
        h.service.on(p -> p.startsWith("/domains?"), (ex, n) -> FakeService.send(ex, 200, page(n)));
        ApiException e = stopsByTheLimit("2", "listing domains: ");
        assertTrue(e.getMessage().contains("and the service still answers hasMore=true"), e.getMessage());
        assertTrue(h.service.requests().stream().filter(r -> r.startsWith("/domains?")).count() > 2,
                "it followed the listing until the limit");
    }

    @Test
    void anAnswerThatNeverComesStopsAtTheTimeLimitNotTheRequestTimeout() {
        h.service.on(p -> p.startsWith("/domains?"), (ex, n) -> sleep(NOT_STOPPED_MS + 5_000));
        ApiException e = stopsByTheLimit("1", "listing domains, before the first page");
        assertTrue(e.getMessage().contains("(waiting for the answer to GET /domains?limit=100&offset=0)"), e.getMessage());
    }

    @Test
    void slowRecordDownloadsStopAtTheTimeLimit() {
        h.service.serve(ApiTestData.domains(40));
        h.service.on(p -> p.contains("/dns-records"), (ex, n) -> {
            sleep(300);
            FakeService.send(ex, 503, "{\"error\":\"busy\"}");
        });
        h.settings.put("api.maxRetries", "10");
        stopsByTheLimit("1", "");
    }

    @Test
    void aRetryThatWouldWaitPastTheLimitIsNotWaitedFor() {
        h.service.on(p -> p.startsWith("/domains?"), (ex, n) -> {
            ex.getResponseHeaders().set("Retry-After", "30");
            FakeService.send(ex, 429, "{\"error\":\"slow down\"}");
        });
        stopsByTheLimit("5", "GET /domains?limit=100&offset=0 answered 429 and a retry would wait 30 s");
        assertEquals(List.of(), h.waits, "no wait past the limit was started");
    }

    /** Page {@code n}: 100 domains never listed before, a total far beyond them, and more to come. */
    private static String page(int n) {
        List<DomainWithRecords> domains = IntStream.range(0, 100).mapToObj(i -> ApiTestData.domain(n * 100 + i)).toList();
        try {
            var doc = ServiceDocuments.list(domains.stream().map(DomainWithRecords::domain).toList(), 100, (n - 1) * 100,
                    2_000_000_000, Map.of(DomainStatus.PENDING, 100), 0);
            var node = ServiceJson.mapper().valueToTree(doc);
            ((com.fasterxml.jackson.databind.node.ObjectNode) node.get("pagination")).put("hasMore", true);
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
