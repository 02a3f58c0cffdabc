package dev.domaindesk.api.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.domaindesk.api.client.RemoteCheckResult;
import dev.domaindesk.api.client.ServiceKeySource;
import dev.domaindesk.api.client.SyncListener;
import dev.domaindesk.api.json.ServiceJson;
import dev.domaindesk.api.server.ApiServer;
import dev.domaindesk.app.AppContext;
import dev.domaindesk.app.AppContextAccess;
import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainName;
import dev.domaindesk.domains.DomainStatus;
import dev.domaindesk.domains.RecordType;
import dev.domaindesk.testing.KnotServer;
import dev.domaindesk.verification.CheckOptions;
import dev.domaindesk.verification.CheckService;
import dev.domaindesk.verification.CheckStarter;
import dev.domaindesk.store.JdbcSettingsRepository;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ?check=true} served by DomainDesk A runs its engine against a real Knot; DomainDesk B's remote-check asks A
 * and keeps A's verdicts beside its own.
 */
class RemoteCheckKnotTest {
    static final String ZONE = """
            _amazonses TXT "tok-123"
            @ MX 10 inbound-smtp.us-east-1.amazonaws.com.
            @ TXT "v=spf1 include:amazonses.com ~all"
            """;

    @TempDir
    Path dir;

    @Test
    void checkTrueRunsTheEngineAndRemoteCheckStoresTheServicesVerdict() throws Exception {
        Clock clock = Clock.systemUTC();
        try (KnotServer knot = KnotServer.start(dir.resolve("knot"), Map.of("check.test", ZONE,
                "amazonses.com", "@ TXT \"v=spf1 ip4:199.255.192.0/22 -all\""));
             AppContext a = new AppContext(dir.resolve("a"), clock)) {
            Domain domain = domain("dom_check", "check.test");
            List<DnsRecord> records = List.of(
                    record("dns_1", RecordType.TXT, "_amazonses.check.test", "tok-123"),
                    record("dns_2", RecordType.MX, "check.test", "10 inbound-smtp.us-east-1.amazonaws.com"),
                    record("dns_3", RecordType.TXT, "check.test", "v=spf1 include:amazonses.com ~all"),
                    record("dns_4", RecordType.TXT, "_dmarc.check.test", "v=DMARC1; p=none"));
            AppContextAccess.repository(a).insert(domain, records);
            String key = a.apiKeys().create("b").secret();
            CheckOptions options = CheckOptions.defaults().withResolvers(List.of(knot.address()))
                    .withTimeout(Duration.ofMillis(1500));
            CheckService service = new CheckService(AppContextAccess.repository(a),
                    new JdbcSettingsRepository(AppContextAccess.database(a)), clock, knot.port());
            CheckStarter engine = (ids, listener) -> service.start(ids, options, listener);
            try (ApiServer server = ApiServer.start("127.0.0.1", 0, 2, AppContextAccess.repository(a), a.apiKeys(),
                    engine)) {
                String base = "http://127.0.0.1:" + server.address().getPort() + "/api/v2";
                HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(base + "/domains/dom_check?check=true")).header("Authorization", "Bearer " + key)
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, response.statusCode(), response.body());
                JsonNode body = ServiceJson.mapper().readTree(response.body());
                assertEquals("check.test", body.get("domain").asText());
                JsonNode check = body.get("verificationCheck");
                assertEquals(List.of(true, true, true, false), verified(check));
                assertTrue(check.get("dnsRecords").get(3).get("error").asText().startsWith("missing"),
                        check.get("dnsRecords").get(3).toString());
                assertFalse(check.get("isFullyVerified").asBoolean());
                assertEquals("_dmarc.check.test", body.get("authRecommendations").get("dmarc").get("name").asText());
                assertNull(body.get("authRecommendations").get("spf"));
                assertEquals(CheckState.VERIFIED,
                        AppContextAccess.repository(a).recordsOf("dom_check").get(0).checkState());
                HttpResponse<String> list = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(base + "/domains?check=true")).header("Authorization", "Bearer " + key)
                        .build(), HttpResponse.BodyHandlers.ofString());
                JsonNode listed = ServiceJson.mapper().readTree(list.body()).get("data").get(0);
                assertEquals(List.of(true, true, true, false), verified(listed.get("verificationCheck")));

                try (AppContext b = new AppContext(dir.resolve("b"), clock)) {
                    new ServiceKeySource(dir.resolve("b"), Map.of()).save(key);
                    b.sync().sync(base, SyncListener.NONE);
                    RemoteCheckResult result = b.remoteChecks().check("check.test");
                    assertEquals(List.of(true, true, true, false),
                            result.records().stream().map(RemoteCheckResult.RecordVerdict::serviceVerified).toList());
                    assertEquals(List.of("unchecked", "unchecked", "unchecked", "unchecked"),
                            result.records().stream().map(RemoteCheckResult.RecordVerdict::ourVerdict).toList());
                    assertEquals(List.of("dmarc"),
                            result.recommendations().stream().map(RemoteCheckResult.Recommendation::kind).toList());
                    List<DnsRecord> stored = AppContextAccess.repository(b).recordsOf("dom_check");
                    assertEquals(List.of(true, true, true, false),
                            stored.stream().map(DnsRecord::serviceVerified).toList());
                    assertTrue(b.remoteChecks().last("dom_check").orElseThrow().verificationCheckJson()
                            .contains("\"dnsRecords\""));
                }
            }
        }
    }

    private static List<Boolean> verified(JsonNode check) {
        return java.util.stream.StreamSupport.stream(check.get("dnsRecords").spliterator(), false)
                .map(n -> n.get("isVerified").asBoolean()).toList();
    }

    private static Domain domain(String id, String name) {
        Instant now = Instant.parse("2026-01-01T00:00:00.000Z");
        return new Domain(id, new DomainName(name), DomainStatus.PENDING, null, now, now, null, now, null,
                Domain.ServiceFields.NONE);
    }

    private static DnsRecord record(String id, RecordType type, String name, String value) {
        Instant now = Instant.parse("2026-01-01T00:00:00.000Z");
        return DnsRecord.fromService(id, "dom_check", type, name, value, null, true, false, null, now, now);
    }
}
