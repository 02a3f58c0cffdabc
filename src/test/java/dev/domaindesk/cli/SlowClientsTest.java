package dev.domaindesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.Launcher;
import dev.domaindesk.app.AppContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code serve} process with its 8 workers and more slow clients than that, each sending its request a byte a
 * second without a key: a request with a key is still answered at once, not after the slow ones time out.
 */
class SlowClientsTest {
    /** More than the workers; a correctness bound for the keyed request, far below the slow clients' 30 s. */
    private static final int SLOW_CLIENTS = 16;
    private static final Duration ANSWERED_WITHIN = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    @Test
    void slowClientsWithoutAKeyDoNotHoldBackAKeyedRequest() throws Exception {
        String key;
        try (AppContext app = new AppContext(dir, Clock.systemUTC())) {
            app.domains().add("served.example", null);
            key = app.apiKeys().create("test").secret();
        }
        Process serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Launcher.class.getName(), "--data-dir", dir.toString(),
                "serve", "--port", "0", "--threads", "8").redirectError(dir.resolve("serve.err").toFile()).start();
        List<Socket> slow = new ArrayList<>();
        List<Thread> drips = new ArrayList<>();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
            Matcher m = Pattern.compile("serving http://127\\.0\\.0\\.1:(\\d+)/.*").matcher(String.valueOf(out.readLine()));
            assertTrue(m.matches(), "serve did not start");
            int port = Integer.parseInt(m.group(1));
            byte[] request = ("GET /api/v2/domains HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: "
                    + "x".repeat(100) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
                slow.add(s);
                Thread drip = new Thread(() -> drip(s, request), "slow-client-" + i);
                drip.setDaemon(true);
                drip.start();
                drips.add(drip);
            }
            Thread.sleep(2_000); // every slow client has sent a few bytes: each one's request has begun

            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
            HttpRequest keyed = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v2/domains"))
                    .header("Authorization", "Bearer " + key).timeout(Duration.ofSeconds(20)).build();
            long start = System.nanoTime();
            HttpResponse<String> answer = http.send(keyed, HttpResponse.BodyHandlers.ofString());
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertEquals(200, answer.statusCode());
            assertTrue(answer.body().contains("served.example"), answer.body());
            assertTrue(took.compareTo(ANSWERED_WITHIN) < 0, "the keyed request waited " + took.toMillis() + " ms behind "
                    + SLOW_CLIENTS + " slow clients");
            assertTrue(slow.stream().noneMatch(Socket::isClosed), "the slow clients were still connected meanwhile");
        } finally {
            drips.forEach(Thread::interrupt);
            for (Socket s : slow) {
                s.close();
            }
            serve.destroy();
            if (!serve.waitFor(30, TimeUnit.SECONDS)) {
                serve.destroyForcibly();
            }
        }
    }

    /** Sends {@code request} a byte a second until interrupted or the socket closes. */
    private static void drip(Socket socket, byte[] request) {
        try {
            OutputStream out = socket.getOutputStream();
            for (byte b : request) {
                out.write(b);
                out.flush();
                Thread.sleep(1_000);
            }
        } catch (IOException | InterruptedException e) {
            // the test is over, or the server closed the connection
        }
    }
}
