package dev.domaindesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.Launcher;
import dev.domaindesk.api.client.ServiceKeySource;
import dev.domaindesk.api.testing.ApiTestData;
import dev.domaindesk.api.testing.FakeService;
import dev.domaindesk.app.AppContext;
import dev.domaindesk.cli.ChildProcessTest.Run;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.testing.KnotServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many real processes on one data directory (decision 0011): while {@code serve} holds the store, every command works
 * on it; H2's server for the other processes listens on loopback only; killing the owner with SIGKILL while another
 * process writes loses no committed change; and nothing is left behind (no lock, trace or temporary file).
 */
class SharedStoreProcessTest {
    @TempDir
    Path dir;

    private Path data() {
        return dir.resolve("data");
    }

    /** A heap of our choosing keeps each command in one JVM, so the process killed is the one owning the store. */
    private Run run(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--data-dir", data().toString()));
        all.addAll(List.of(args));
        return ChildProcessTest.launch(List.of("-Xmx256m"), all.toArray(String[]::new));
    }

    private static Run ok(Run run) {
        assertEquals(0, run.code(), run.out() + run.err());
        return run;
    }

    private Process java(Path stderr, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(stderr.toFile()).start();
    }

    /** {@code serve} in one JVM; returns it with its port once it serves. */
    private Process serve(String name, int[] port) throws IOException {
        Process p = java(dir.resolve(name + ".err"), Launcher.class.getName(), "--data-dir", data().toString(),
                "serve", "--port", "0");
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String first = out.readLine();
        Matcher m = Pattern.compile("serving http://127\\.0\\.0\\.1:(\\d+)/.*").matcher(String.valueOf(first));
        if (!m.matches()) {
            p.destroyForcibly();
            throw new AssertionError("serve did not start: " + first + " " + Files.readString(dir.resolve(name + ".err")));
        }
        port[0] = Integer.parseInt(m.group(1));
        return p;
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "stopped");
    }

    private List<String> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(data())) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".lock.db") || n.endsWith(".trace.db") || n.endsWith(".tmp")).toList();
        }
    }

    private Properties seal() throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(data().resolve("domaindesk.seal"))) {
            p.load(in);
        }
        return p;
    }

    private Set<String> names() {
        try (AppContext app = new AppContext(data(), Clock.systemUTC())) {
            return app.domains().list().stream().map(Domain::name).map(n -> n.ascii()).collect(Collectors.toSet());
        }
    }

    @Test
    void everyCommandWorksWhileServeHoldsTheStore() throws Exception {
        int[] port = new int[1];
        Process holder = serve("holder", port);
        try (KnotServer knot = KnotServer.start(dir.resolve("knot"), Map.of("shared.test",
                "_amazonses TXT \"right\"")); FakeService service = new FakeService()) {
            assertH2ListensOnLoopbackOnly();
            ok(run("add", "shared.test"));
            assertTrue(ok(run("list")).out().contains("shared.test"));
            assertTrue(ok(run("records", "shared.test")).out().contains("_amazonses.shared.test"));
            Run check = run("check", "shared.test", "--resolver", "127.0.0.1:" + knot.port(), "--timeout", "2000");
            assertTrue(check.code() == 0 || check.code() == 1, "checked: " + check.out() + check.err());
            assertTrue(ok(run("list")).out().lines().anyMatch(l -> l.startsWith("shared.test") && !l.contains(" - ")),
                    "the check was stored");

            Path exported = dir.resolve("export.json");
            ok(run("export", "--format", "json", "--output", exported.toString()));
            assertTrue(Files.readString(exported).contains("shared.test"));
            ok(run("remove", "shared.test"));
            assertFalse(ok(run("list")).out().contains("shared.test"));
            Path document = dir.resolve("import.json");
            try (InputStream in = getClass().getResourceAsStream("/service/dns-records.json")) {
                Files.write(document, in.readAllBytes());
            }
            ok(run("import", document.toString()));

            service.serve(ApiTestData.domains(3));
            new ServiceKeySource(data(), Map.of()).save(FakeService.KEY);
            assertTrue(ok(run("sync", "--api-url", service.url())).out().contains("synced 3 domains"));
            try (Stream<Path> backups = Files.list(data().resolve("backups"))) {
                assertEquals(2, backups.filter(f -> f.toString().endsWith("-import.zip")
                        || f.toString().endsWith("-sync.zip")).count(), "backups taken through the owner");
            }


            // a key created by a command is honoured at once by the serve that holds the store, and by a second serve
            String key = ok(run("api-key", "create", "shared")).out().strip().lines().reduce((a, b) -> b).orElseThrow();
            assertEquals(200, get(port[0], key));
            int[] secondPort = new int[1];
            Process second = serve("second", secondPort);
            try {
                assertEquals(200, get(secondPort[0], key));
            } finally {
                stop(second);
            }
        } finally {
            stop(holder);
        }
        assertEquals(List.of(), leftovers(), "nothing left behind");
        assertEquals("closed", seal().getProperty("state"), "the last process sealed the store");
        // the sync (last) replaced what the import brought with the service's domains
        assertEquals(Set.of("d000.example.com", "d001.example.com", "d002.example.com"), names());
        assertEquals(List.of(), leftovers(), "nothing left behind");
    }

    private static int get(int port, String key) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v2/domains")).header("Authorization", "Bearer " + key).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The lock file names H2's server for the other processes; that port is bound to 127.0.0.1 and nothing else. */
    private void assertH2ListensOnLoopbackOnly() throws IOException {
        Properties lock = new Properties();
        try (InputStream in = Files.newInputStream(data().resolve("domaindesk.lock.db"))) {
            lock.load(in);
        }
        String server = lock.getProperty("server");
        assertTrue(server != null && server.startsWith("localhost:"), "H2 serves the store: " + lock);
        int h2Port = Integer.parseInt(server.substring(server.indexOf(':') + 1));
        String portHex = String.format(":%04X", h2Port);
        List<String> listening = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table))) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 3 && f[1].endsWith(portHex) && f[3].equals("0A")) {
                    listening.add(f[1]);
                }
            }
        }
        assertFalse(listening.isEmpty(), "H2's port " + h2Port + " is listening");
        for (String local : listening) {
            // 127.0.0.1 as /proc shows it, alone or mapped into IPv6
            assertTrue(local.equals("0100007F" + portHex) || local.equals("0000000000000000FFFF00000100007F" + portHex),
                    "listens beyond loopback: " + local);
        }
    }

    @Test
    void killingTheOwnerWhileAnotherProcessWritesLosesNoCommittedChange() throws Exception {
        int[] port = new int[1];
        Process owner = serve("owner", port);
        Process writer = java(dir.resolve("writer.err"), SharedStoreWriter.class.getName(), data().toString(), "120", "25");
        BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = out.readLine()) != null) {
            lines.add(line);
            if (lines.size() == 30) {
                owner.destroyForcibly(); // SIGKILL: no hook, no close; the lock file names a dead server
                assertTrue(owner.waitFor(30, TimeUnit.SECONDS));
            }
        }
        assertTrue(writer.waitFor(120, TimeUnit.SECONDS));
        String err = Files.readString(dir.resolve("writer.err"));
        assertEquals(0, writer.exitValue(), err);
        assertEquals("done", lines.get(lines.size() - 1), String.join("\n", lines));
        List<String> added = lines.stream().filter(l -> l.startsWith("added ")).map(l -> l.substring(6)).toList();
        List<String> failed = lines.stream().filter(l -> l.startsWith("failed ")).toList();
        assertEquals(120, added.size() + failed.size(), String.join("\n", lines));
        for (String f : failed) {
            assertTrue(f.contains("the store was closed under this operation"), "a clear message: " + f);
        }
        assertTrue(added.size() > 100, "the writer carried on after the owner died: " + failed);

        assertEquals(List.of(), leftovers(), "the writer took the store over and closed it: nothing left behind");
        Set<String> names = names();
        assertTrue(names.containsAll(added), "every committed change is in the store");
        assertEquals(added.size(), names.size(), "and nothing that failed");
    }
}
