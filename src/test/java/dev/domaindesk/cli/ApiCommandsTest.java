package dev.domaindesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.api.client.ServiceKeySource;
import dev.domaindesk.api.testing.ApiTestData;
import dev.domaindesk.api.testing.FakeService;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The api commands through the real command line: output, exit codes, and no key ever printed. */
class ApiCommandsTest {
    @TempDir
    Path dir;
    String out;
    String err;

    int run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        List<String> argv = new ArrayList<>(List.of("--data-dir", dir.toString()));
        argv.addAll(List.of(args));
        int code = new Cli(new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8),
                Clock.systemUTC()).run(argv.toArray(String[]::new));
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    @Test
    void apiKeyCreatePrintsTheKeyOnceAloneOnItsLastLine() {
        assertEquals(0, run("api-key", "create", "ci"));
        String[] lines = out.strip().split("\n");
        String key = lines[lines.length - 1];
        assertTrue(key.matches("ddk_[A-Za-z0-9_-]{43}"), out);
        assertEquals(0, run("api-key", "list"));
        assertTrue(out.contains("ci") && out.contains("active") && out.contains(key.substring(0, 12)), out);
        assertFalse(out.contains(key), "list shows the key: " + out);
        assertEquals(0, run("api-key", "revoke", "ci"));
        assertEquals(0, run("api-key", "list"));
        assertTrue(out.contains("revoked"), out);
        assertEquals(2, run("api-key", "revoke", "ci"));
        assertTrue(err.contains("no active key named 'ci'"), err);
        assertEquals(2, run("api-key", "create", "bad name"));
        assertEquals(2, run("api-key", "frobnicate"));
    }

    @Test
    void setServiceReadsTheKeyFromStandardInputAndNeverShowsIt() throws Exception {
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream((FakeService.KEY + "\n").getBytes(StandardCharsets.UTF_8)));
            assertEquals(0, run("api-key", "set-service"));
        } finally {
            System.setIn(stdin);
        }
        assertFalse(out.contains(FakeService.KEY), out);
        assertEquals(FakeService.KEY + "\n", Files.readString(dir.resolve(ServiceKeySource.FILE_NAME)));
        assertEquals(0, run("api-key", "show-service"));
        assertTrue(out.contains("****" + FakeService.KEY.substring(FakeService.KEY.length() - 4)), out);
        assertFalse(out.contains(FakeService.KEY), out);
    }

    @Test
    void syncExitCodes() throws Exception {
        try (FakeService service = new FakeService()) {
            service.serve(ApiTestData.domains(3));
            assertEquals(2, run("sync", "--api-url", service.url()));
            assertTrue(err.contains("no API key"), err);

            new ServiceKeySource(dir, Map.of()).save("sk_not_the_right_one_0000");
            assertEquals(5, run("sync", "--api-url", service.url()));
            assertTrue(err.contains("the API key was rejected"), err);

            new ServiceKeySource(dir, Map.of()).save(FakeService.KEY);
            assertEquals(0, run("sync", "--api-url", service.url()));
            assertTrue(out.contains("synced 3 domains with 15 records"), out);
            assertEquals(0, run("sync"), err);
            assertTrue(out.contains("from " + service.url()), out);

            assertEquals(2, run("sync", "--api-url", "http://example.com/api/v2"));
            assertTrue(err.contains("plain http:// is refused"), err);
            assertEquals(2, run("sync", "positional"));
            int closed;
            try (ServerSocket s = new ServerSocket(0)) {
                closed = s.getLocalPort();
            }
            assertEquals(3, run("sync", "--api-url", "http://127.0.0.1:" + closed + "/api/v2"));
            assertTrue(err.contains("cannot connect"), err);
            assertFalse((out + err).contains(FakeService.KEY));
        }
    }

    @Test
    void remoteCheckShowsTheServicesVerdictAndRecommendations() throws Exception {
        try (FakeService service = new FakeService()) {
            service.serve(ApiTestData.domains(1));
            new ServiceKeySource(dir, Map.of()).save(FakeService.KEY);
            assertEquals(0, run("sync", "--api-url", service.url()));
            service.on(p -> p.equals("/domains/dom_000000?check=true"), (ex, n) -> FakeService.send(ex, 200, """
                    {"id": "dom_000000", "domain": "d000.example.com", "status": "pending",
                     "verificationCheck": {
                       "dnsRecords": [
                         {"type": "TXT", "name": "_amazonses.d000.example.com", "value": "tok0/+=", "isVerified": true},
                         {"type": "TXT", "name": "_dmarc.d000.example.com", "value": "v=DMARC1; p=none",
                          "isVerified": false, "error": "No TXT records found for _dmarc.d000.example.com"}],
                       "sesStatus": "Pending", "dkimStatus": "Pending", "dkimVerified": false, "dkimTokens": [],
                       "mailFromDomain": "mail.d000.example.com", "mailFromStatus": "NotSet",
                       "mailFromVerified": false, "isFullyVerified": false,
                       "lastChecked": "2025-09-01T10:00:00.000Z"},
                     "authRecommendations": {"dmarc": {"name": "_dmarc.d000.example.com",
                       "value": "v=DMARC1; p=none", "description": "Add DMARC"}}}"""));
            assertEquals(0, run("remote-check", "d000.example.com"), err);
            assertTrue(out.contains("the service says pending; SES Pending"), out);
            assertTrue(out.contains("No TXT records found for _dmarc.d000.example.com"), out);
            assertTrue(out.contains("(not a stored record)"), out);
            assertTrue(out.contains("dmarc: _dmarc.d000.example.com  v=DMARC1; p=none"), out);

            assertEquals(4, run("remote-check", "unknown.example"));
            service.on(p -> p.startsWith("/domains/dom_000000?"), (ex, n) -> FakeService.send(ex, 404,
                    "{\"error\": \"Domain not found\"}"));
            assertEquals(3, run("remote-check", "dom_000000"));
            assertTrue(err.contains("Domain not found"), err);
            service.on(p -> p.startsWith("/domains/dom_000000?"), (ex, n) -> FakeService.send(ex, 200,
                    "{\"id\": \"dom_000000\", \"domain\": \"d000.example.com\"}"));
            assertEquals(3, run("remote-check", "dom_000000"));
            assertTrue(err.contains("'verificationCheck'"), err);
        }
    }
}
