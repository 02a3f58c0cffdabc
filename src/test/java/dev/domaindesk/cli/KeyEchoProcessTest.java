package dev.domaindesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.domaindesk.Launcher;
import dev.domaindesk.app.AppContext;
import dev.domaindesk.app.AppContextAccess;
import dev.domaindesk.store.JdbcSettingsRepository;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile service on loopback that echoes the API key back in every way it can (cut off in a long error text,
 * a 401 body, a redirect's Location, a body that is not JSON, a domain name, a domain id the next request
 * carries), and {@code sync} as a real process: no 8 characters of the key in a row may reach stdout, stderr or
 * any file in the data directory.
 */
class KeyEchoProcessTest {
    static final String KEY = "sk_live_ZqX7-seR4nd0mK3yM4t3r1al9f8e7d6c5b4";

    @TempDir
    Path dir;
    Path data;
    HttpServer server;

    @BeforeEach
    void aHostileService() throws IOException {
        data = dir.resolve("data");
        try (AppContext app = new AppContext(data, Clock.systemUTC())) {
            new JdbcSettingsRepository(AppContextAccess.database(app)).put("api.maxRetries", "0"); // a 5xx fails at once
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    /** Answers by the first path segment, the scenario's name. */
    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String scenario = path.split("/")[1];
        String pad = "x".repeat(185);
        switch (scenario) {
            case "clipped-400" -> send(exchange, 400, "{\"error\":\"" + pad + " " + KEY + " was not accepted\"}");
            case "echo-401" -> send(exchange, 401, "invalid key " + KEY + " for this account");
            case "echo-403-json" -> send(exchange, 403, "{\"error\":\"Forbidden\",\"details\":\"key " + KEY + "\"}");
            case "redirect" -> {
                exchange.getResponseHeaders().set("Location", "https://elsewhere.example/login?key=" + KEY);
                send(exchange, 302, "");
            }
            case "not-json" -> send(exchange, 200, "y".repeat(50) + " " + KEY + " trailing text");
            case "json-token" -> send(exchange, 200, "{\"data\": " + KEY + "}");
            case "domain-name" -> send(exchange, 200, list("d1", KEY + ".example"));
            case "domain-id" -> {
                if (path.endsWith("/dns-records")) {
                    send(exchange, 500, "{\"error\":\"no records for " + KEY + "\"}");
                } else {
                    send(exchange, 200, list(KEY, "echo.example"));
                }
            }
            default -> send(exchange, 404, "{\"error\":\"Not found\"}");
        }
    }

    private static String list(String id, String domain) {
        return "{\"data\":[{\"id\":\"" + id + "\",\"domain\":\"" + domain + "\",\"status\":\"pending\","
                + "\"region\":\"us-east-1\",\"createdAt\":\"2026-01-01T00:00:00.000Z\","
                + "\"updatedAt\":\"2026-01-01T00:00:00.000Z\"}],"
                + "\"pagination\":{\"total\":1,\"limit\":100,\"offset\":0,\"hasMore\":false}}";
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"clipped-400", "echo-401", "echo-403-json", "redirect", "not-json", "json-token",
            "domain-name", "domain-id"})
    void theKeyNeverReachesOutputOrFiles(String scenario) throws Exception {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/" + scenario + "/api/v2";
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName(), "--data-dir", data.toString(),
                "sync", "--api-url", url));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(dir.resolve("out").toFile())
                .redirectError(dir.resolve("err").toFile());
        Map<String, String> env = builder.environment();
        env.put("DOMAINDESK_API_KEY", KEY);
        Process p = builder.start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "sync did not end");
        String out = Files.readString(dir.resolve("out"));
        String err = Files.readString(dir.resolve("err"));
        assertNotEquals(0, p.exitValue(), "a hostile answer must fail the sync: " + out + err);
        assertTrue(err.contains("domaindesk: sync: "), err);
        assertTrue(err.contains("****"), "the message still says where the key was: " + err);
        assertNoPartOfTheKey(scenario + " stdout", out);
        assertNoPartOfTheKey(scenario + " stderr", err);
        try (Stream<Path> files = Files.walk(data)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertNoPartOfTheKey(scenario + " " + f, new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            }
        }
        assertEquals(List.of(), Files.readAllLines(dir.resolve("out")), "nothing was synced");
    }

    /** No 8 characters of the key in a row, anywhere in {@code text}. */
    static void assertNoPartOfTheKey(String where, String text) {
        for (int i = 0; i + 8 <= KEY.length(); i++) {
            String part = KEY.substring(i, i + 8);
            if (text.contains(part)) {
                fail(where + " shows '" + part + "' of the key: " + text);
            }
        }
    }
}
