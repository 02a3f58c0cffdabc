package dev.domaindesk.api.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.api.json.ServiceDocuments;
import dev.domaindesk.api.json.ServiceJson;
import dev.domaindesk.api.testing.ApiTestData;
import dev.domaindesk.api.testing.FakeService;
import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainStatus;
import dev.domaindesk.domains.DomainWithRecords;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncServiceTest {
    @TempDir
    Path dir;

    @Test
    void pagesThrough250DomainsAndStoresEveryDomainAndRecordAsTheServiceDescribesThem() throws Exception {
        try (SyncHarness h = new SyncHarness(dir)) {
            List<DomainWithRecords> served = ApiTestData.domains(250);
            h.service.serve(served);

            SyncReport report = h.sync();

            assertEquals(250, report.domains());
            assertEquals(250 * 5, report.records());
            assertEquals(250, report.added());
            assertEquals(0, report.removed());
            List<String> pages = h.service.requests().stream().filter(r -> r.startsWith("/domains?")).toList();
            assertEquals(List.of("/domains?limit=100&offset=0", "/domains?limit=100&offset=100",
                    "/domains?limit=100&offset=200"), pages);
            assertEquals(250, h.service.requests().stream().filter(r -> r.endsWith("/dns-records")).distinct().count());
            assertTrue(h.service.authorizations().stream().allMatch(("Bearer " + FakeService.KEY)::equals));
            for (DomainWithRecords d : served) {
                Domain stored = h.repository.findById(d.domain().id()).orElseThrow();
                assertEquals(json(ServiceDocuments.domain(d.domain())), json(ServiceDocuments.domain(stored)));
                assertEquals(d.domain().status(), stored.serviceStatus());
                List<DnsRecord> records = h.repository.recordsOf(d.domain().id());
                assertEquals(json(ServiceDocuments.dnsRecords(d)),
                        json(ServiceDocuments.dnsRecords(new DomainWithRecords(stored, records))));
                assertTrue(records.stream().allMatch(r -> r.serviceVerified() == r.isVerified()));
            }
            assertEquals(h.service.url(), h.settings.get(ClientSettings.URL).orElseThrow());
            assertEquals(SyncHarness.CLOCK.instant(), h.sync.lastSync().orElseThrow());
        }
    }

    @Test
    void readsTheDocumentedJsonLiterallyIgnoringUnknownFieldsAndAcceptingMxPreferenceInTheValue() throws Exception {
        try (SyncHarness h = new SyncHarness(dir)) {
            h.service.on(p -> p.startsWith("/domains?"), (ex, n) -> FakeService.send(ex, 200, """
                    {"data": [{"id": "dom_abc123", "domain": "example.com", "status": "pending",
                               "canReceiveEmails": true, "hasMxRecords": true, "domainProvider": "Cloudflare",
                               "providerConfidence": "high", "lastDnsCheck": "2025-09-01T10:00:00.000Z",
                               "lastSesCheck": null, "isCatchAllEnabled": false, "catchAllEndpointId": null,
                               "userId": "u1", "stats": {"totalEmailAddresses": 3},
                               "createdAt": "2025-09-01T09:58:12.000Z", "updatedAt": "2025-09-01T09:58:12.000Z"}],
                     "pagination": {"limit": 100, "offset": 0, "total": 1, "hasMore": false},
                     "meta": {"totalCount": 1, "verifiedCount": 0, "withCatchAllCount": 0,
                              "statusBreakdown": {"verified": 0, "pending": 1, "failed": 0}}}"""));
            h.service.on(p -> p.equals("/domains/dom_abc123/dns-records"), (ex, n) -> FakeService.send(ex, 200, """
                    {"domainId": "dom_abc123", "domain": "example.com", "records": [
                      {"id": "dns_1", "domainId": "dom_abc123", "recordType": "MX", "name": "example.com",
                       "value": "10 inbound-smtp.us-east-1.amazonaws.com", "priority": null, "isRequired": true,
                       "isVerified": true, "lastChecked": "2025-09-01T10:00:00.000Z",
                       "createdAt": "2025-09-01T09:58:12.000Z", "updatedAt": "2025-09-01T09:58:12.000Z",
                       "somethingNew": [1, 2]},
                      {"id": "dns_2", "domainId": "dom_abc123", "recordType": "TXT",
                       "name": "_amazonses.example.com", "value": "pmBGN/7MjnfhTKUZ06Enqq1PeGUaOkw8lGhcfwefcHU=",
                       "priority": null, "isRequired": true, "isVerified": false, "lastChecked": null,
                       "createdAt": "2025-09-01T09:58:12.000Z", "updatedAt": "2025-09-01T09:58:12.000Z"}]}"""));

            h.sync();

            Domain d = h.repository.findById("dom_abc123").orElseThrow();
            assertEquals("example.com", d.name().ascii());
            assertEquals(DomainStatus.PENDING, d.serviceStatus());
            assertEquals("Cloudflare", d.provider().domainProvider());
            assertNull(d.provider().lastSesCheck());
            List<DnsRecord> records = h.repository.recordsOf("dom_abc123");
            assertEquals(List.of("dns_1", "dns_2"), records.stream().map(DnsRecord::id).toList());
            assertEquals(10, records.get(0).effectivePriority());
            assertEquals(Boolean.TRUE, records.get(0).serviceVerified());
            assertEquals(Boolean.FALSE, records.get(1).serviceVerified());
        }
    }

    @Test
    void resyncRemovesWhatTheServiceDroppedKeepsOurOwnVerdictAndReportsWhereTheyDisagree() throws Exception {
        try (SyncHarness h = new SyncHarness(dir)) {
            List<DomainWithRecords> first = ApiTestData.domains(5);
            h.service.serve(first);
            h.sync();
            DnsRecord spf = h.repository.recordsOf("dom_000001").get(2);
            assertTrue(spf.isVerified());
            DnsRecord ourVerdict = spf.withCheck(false, CheckState.MISSING, List.of(), List.of(), false,
                    SyncHarness.CLOCK.instant());
            h.repository.saveChecks(List.of(), List.of(ourVerdict));

            List<DomainWithRecords> second = new ArrayList<>(first.subList(0, 3));
            second.add(ApiTestData.domain(7));
            h.service.serve(second);
            SyncReport report = h.sync();

            assertEquals(4, report.domains());
            assertEquals(1, report.added());
            assertEquals(3, report.updated());
            assertEquals(2, report.removed());
            assertEquals(10, report.removedRecords());
            assertTrue(h.repository.findById("dom_000003").isEmpty());
            assertTrue(h.repository.findById("dom_000004").isEmpty());
            assertTrue(h.repository.recordsOf("dom_000004").isEmpty());
            DnsRecord after = h.repository.recordsOf("dom_000001").get(2);
            assertEquals(CheckState.MISSING, after.checkState());
            assertEquals(Boolean.TRUE, after.serviceVerified());
            assertEquals(false, after.isVerified());
            assertEquals(1, report.disagreements().size());
            SyncReport.Disagreement disagreement = report.disagreements().get(0);
            assertEquals("d001.example.com", disagreement.domain());
            assertTrue(disagreement.serviceVerified());
            assertEquals("missing", disagreement.ourVerdict());
        }
    }

    @Test
    void retriesRateLimitsAfterRetryAfterAndServerErrorsWithBackoffThenSucceeds() throws Exception {
        try (SyncHarness h = new SyncHarness(dir)) {
            h.service.serve(ApiTestData.domains(3));
            h.service.onFirst(p -> p.startsWith("/domains?"), 1, (ex, n) -> {
                ex.getResponseHeaders().set("Retry-After", "7");
                FakeService.send(ex, 429, "{\"error\": \"Too many requests\"}");
            });
            h.service.onFirst(p -> p.equals("/domains/dom_000002/dns-records"), 2,
                    (ex, n) -> FakeService.send(ex, 503, "{\"error\": \"busy\"}"));

            SyncReport report = h.sync();

            assertEquals(3, report.domains());
            assertEquals(List.of(Duration.ofSeconds(7), Duration.ofSeconds(1), Duration.ofSeconds(2)), h.waits);
            assertEquals(5, h.repository.recordsOf("dom_000002").size());
        }
    }

    @Test
    void aCancelledSyncStoresNothing() throws Exception {
        try (SyncHarness h = new SyncHarness(dir)) {
            h.service.serve(ApiTestData.domains(3));
            h.sync();
            h.service.serve(ApiTestData.domains(8));
            String before = h.dump();
            SyncListener cancelAfterListing = new SyncListener() {
                volatile boolean listed;

                @Override
                public void progress(Phase phase, int done, int total) {
                    listed |= phase == Phase.RECORDS;
                }

                @Override
                public boolean cancelled() {
                    return listed;
                }
            };
            assertThrows(CancellationException.class, () -> h.sync.sync(h.service.url(), cancelAfterListing));
            assertEquals(before, h.dump());
        }
    }

    private static String json(Object o) throws Exception {
        return ServiceJson.mapper().writeValueAsString(o);
    }
}
