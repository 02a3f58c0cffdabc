package dev.domaindesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.api.json.ServiceDocuments;
import dev.domaindesk.api.json.ServiceJson;
import dev.domaindesk.bench.BenchData;
import dev.domaindesk.testing.KnotServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping a command of the packaged jar (the first JVM and the command's JVM) with SIGTERM or Ctrl+C: nothing on
 * stderr, the signal's exit status, and no class-archive dump left in the cache. Each run starts with an empty cache,
 * so the command's JVM is dumping its archive when it is stopped.
 */
class StopIT {
    @TempDir
    Path dir;

    private Process start(String... args) throws Exception {
        // env resets SIGINT to its default: a shell runs background jobs with it ignored, and a JVM keeps it so
        List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                Path.of("target", "domaindesk.jar").toAbsolutePath().toString(), "--data-dir", dir.resolve("data").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        // stderr goes to a file: a pipe read while the process exits can throw "Stream closed"
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        stderrFiles.put(p, err);
        return p;
    }

    private final java.util.Map<Process, Path> stderrFiles = new java.util.concurrent.ConcurrentHashMap<>();

    private String stderrOf(Process p) throws Exception {
        p.waitFor();
        return Files.readString(stderrFiles.get(p), StandardCharsets.UTF_8);
    }

    private List<String> cache() throws Exception {
        Path cache = dir.resolve("cache").resolve("domaindesk");
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cache)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    /** Both JVMs get the signal, as from a terminal's Ctrl+C (the whole foreground process group). */
    private static void ctrlC(Process p) throws Exception {
        List<Long> pids = new ArrayList<>(List.of(p.pid()));
        p.toHandle().descendants().forEach(h -> pids.add(h.pid()));
        for (long pid : pids) {
            new ProcessBuilder("kill", "-INT", Long.toString(pid)).start().waitFor();
        }
    }

    private static void awaitCommandJvm(Process p) throws Exception {
        for (int i = 0; i < 600 && p.toHandle().descendants().findAny().isEmpty(); i++) {
            Thread.sleep(50);
        }
        assertTrue(p.toHandle().descendants().findAny().isPresent(), "the command's JVM started");
    }

    @Test
    void sigtermStopsServeQuietly() throws Exception {
        Process serve = start("serve", "--port", "0");
        BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
        String first = out.readLine();
        assertTrue(first != null && first.startsWith("serving http://127.0.0.1:"), String.valueOf(first));
        serve.destroy(); // SIGTERM
        assertTrue(serve.waitFor(60, TimeUnit.SECONDS));
        assertEquals(143, serve.exitValue());
        assertEquals("", stderrOf(serve), "nothing on stderr");
        assertTrue(cache().stream().noneMatch(f -> f.endsWith(".tmp")), "no dump left: " + cache());
    }

    @Test
    void ctrlCStopsACheckQuietly() throws Exception {
        Process add = start("add", "example.com");
        add.getInputStream().readAllBytes();
        assertTrue(add.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, add.exitValue(), stderrOf(add));
        try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            Path emptyCache = dir.resolve("cache");
            try (Stream<Path> files = Files.walk(emptyCache)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
            Process check = start("check", "example.com", "--resolver", "127.0.0.1:" + silent.getLocalPort(),
                    "--timeout", "60000");
            awaitCommandJvm(check);
            Thread.sleep(3000); // well into the check: the questions are out, no answer comes
            ctrlC(check);
            assertTrue(check.waitFor(60, TimeUnit.SECONDS));
            assertEquals(130, check.exitValue());
            assertEquals("", stderrOf(check), "nothing on stderr");
            assertTrue(cache().stream().noneMatch(f -> f.endsWith(".tmp")), "no dump left: " + cache());
        }
    }

    /**
     * Ctrl+C while a check stores results: the stop closes the store first (the transaction under way ends, the
     * file is sealed and its lock file removed) rather than H2's exit hook closing it under the write; nothing on
     * stderr, the signal's status, and the store opens afterwards.
     */
    @Test
    void ctrlCWhileACheckStoresClosesTheStoreInOrder() throws Exception {
        Path document = dir.resolve("domains.json");
        BenchData bench = BenchData.generate(6000, dir.resolve("profiles"));
        ServiceJson.mapper().writeValue(document.toFile(),
                bench.domains().stream().map(ServiceDocuments::dnsRecords).toList());
        Process imported = start("import", document.toString());
        imported.getInputStream().readAllBytes();
        assertEquals(0, imported.waitFor(), stderrOf(imported));
        try (KnotServer knot = KnotServer.start(dir.resolve("knot"), Map.of(BenchData.ZONE, ""))) {
            Process check = start("check", "--all", "--resolver", "127.0.0.1:" + knot.port());
            Thread drain = new Thread(() -> {
                try {
                    check.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
                } catch (java.io.IOException e) {
                    // the process ended
                }
            });
            drain.start(); // its report of 6,000 domains would fill the pipe and stall it
            awaitCommandJvm(check);
            Path store = dir.resolve("data").resolve("domaindesk.mv.db");
            long before = Files.size(store);
            for (int i = 0; i < 400 && Files.size(store) == before; i++) {
                Thread.sleep(50); // results are being stored
            }
            assertTrue(Files.size(store) > before, "the check opened the store");
            // into storing results, well before the end: 6,000 domains take a few seconds, and a check that has
            // ended exits with its own code, not the signal's
            Thread.sleep(300);
            ctrlC(check);
            assertTrue(check.waitFor(60, TimeUnit.SECONDS));
            assertEquals(130, check.exitValue());
            assertEquals("", stderrOf(check), "nothing on stderr");
        }
        Path data = dir.resolve("data");
        assertFalse(Files.exists(data.resolve("domaindesk.lock.db")), "the store was closed, not left open");
        String seal = Files.readString(data.resolve("domaindesk.seal"));
        assertTrue(seal.contains("state=closed"), "and sealed: " + seal);
        Process list = start("list");
        list.getInputStream().readAllBytes();
        assertEquals(0, list.waitFor(), stderrOf(list));
    }
}

