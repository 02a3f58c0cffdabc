package dev.domaindesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.Launcher;
import dev.domaindesk.app.AppContext;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code domaindesk serve} as a real process: says where and that it is loopback only, serves, stops on SIGTERM. */
class ServeProcessTest {
    @TempDir
    Path dir;

    @Test
    void serveAnnouncesLoopbackServesWithAKeyAndStopsCleanly() throws Exception {
        String key;
        try (AppContext app = new AppContext(dir, Clock.systemUTC())) {
            app.domains().add("served.example", null);
            key = app.apiKeys().create("test").secret();
        }
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Launcher.class.getName(), "--data-dir", dir.toString(),
                "serve", "--port", "0").redirectError(dir.resolve("serve.err").toFile()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            Matcher m = Pattern.compile("serving http://127\\.0\\.0\\.1:(\\d+)/api/v2/domains .*").matcher(String.valueOf(first));
            assertTrue(m.matches(), first);
            assertEquals("bound to loopback only: reachable from this machine, not from the network", out.readLine());
            HttpClient http = HttpClient.newHttpClient();
            URI uri = URI.create("http://127.0.0.1:" + m.group(1) + "/api/v2/domains");
            HttpResponse<String> ok = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + key)
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ok.statusCode());
            assertTrue(ok.body().contains("\"domain\" : \"served.example\""), ok.body());
            assertEquals(401, http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode());
            List<ProcessHandle> commandJvms = p.descendants().toList();
            // the JDK leaves arguments() empty for a long command line (the class path); commandLine() still has it
            assertTrue(commandJvms.stream().anyMatch(h -> h.info().arguments().map(List::of).orElse(List.of())
                    .contains("-XX:+UseParallelGC") || h.info().commandLine().orElse("").contains(" -XX:+UseParallelGC ")),
                    "the command runs in a JVM tuned for commands");
            p.destroy();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "serve did not stop on SIGTERM");
            assertTrue(commandJvms.stream().noneMatch(ProcessHandle::isAlive), "the SIGTERM reached the command's JVM");
        } finally {
            p.destroyForcibly();
        }
        try (AppContext app = new AppContext(dir, Clock.systemUTC())) {
            assertEquals(List.of("served.example"), app.domains().list().stream().map(d -> d.name().ascii()).toList());
        }
    }
}
