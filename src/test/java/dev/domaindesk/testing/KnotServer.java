package dev.domaindesk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * A real Knot DNS server on 127.0.0.1 for tests: writes knot.conf and zone files into a temp dir, picks a free
 * port, runs {@code knotd} in the foreground as a child process and waits until every zone answers SOA.
 * Zones given with {@link #zone} get an SOA (serial bumped on each change) and an NS record added;
 * {@link #rawZone} files are served exactly as given (e.g. a broken one, which Knot answers with SERVFAIL).
 * Fails loudly when knotd is not installed: DNS tests never skip.
 */
public final class KnotServer implements AutoCloseable {
    /** The SOA minimum (negative-caching TTL) of generated zones. */
    public static final int SOA_MINIMUM = 300;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(10);

    private final Path dir;
    private final Map<String, Boolean> zones = new LinkedHashMap<>(); // zone -> expected to load
    private final Set<String> signed = new HashSet<>();
    private final ServerProcess process;
    private final int port;
    private int serial = 1;

    private KnotServer(Path dir, Map<String, String> generated) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir.resolve("run"));
        Files.createDirectories(dir.resolve("zones"));
        generated.forEach(this::writeGenerated);
        this.port = freePort();
        writeConfig();
        this.process = new ServerProcess(launch(), "knotd");
        try {
            awaitZones();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Starts a server for the given zones (zone name → records without SOA/NS, in zone-file syntax). */
    public static KnotServer start(Path dir, Map<String, String> zones) {
        try {
            return new KnotServer(dir, zones);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start knotd in " + dir, e);
        }
    }

    public int port() {
        return port;
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    /** Adds or replaces a generated zone and waits until Knot serves the new version. */
    public void zone(String zone, String records) {
        boolean known = zones.containsKey(zone);
        writeGenerated(zone, records);
        apply(zone, known);
    }

    /**
     * Adds or replaces a generated zone that Knot signs itself ({@code dnssec-signing: on}: a KSK and a ZSK, ECDSA
     * P-256, kept in the server's key store across reloads), and waits until Knot serves it.
     */
    public void signedZone(String zone, String records) {
        boolean known = zones.containsKey(zone);
        boolean wasSigned = !signed.add(zone);
        writeGenerated(zone, records);
        apply(zone, known && wasSigned);
    }

    /** Adds or replaces a zone file served exactly as given; {@code loads} false when Knot must refuse it (SERVFAIL). */
    public void rawZone(String zone, String text, boolean loads) {
        boolean known = zones.containsKey(zone);
        write(zone, text);
        zones.put(zone, loads);
        apply(zone, known);
    }

    private void apply(String zone, boolean known) {
        if (known) {
            knotc("zone-reload", zone);
        } else {
            writeConfig();
            knotc("reload");
        }
        awaitZones();
    }

    private void writeGenerated(String zone, String records) {
        int s = serial++;
        String text = "$ORIGIN " + zone + ".\n$TTL 300\n"
                + "@ IN SOA ns1." + zone + ". hostmaster." + zone + ". " + s + " 3600 600 86400 " + SOA_MINIMUM + "\n"
                + "@ IN NS ns1." + zone + ".\n"
                + "ns1 IN A 127.0.0.1\n"
                + records + "\n";
        write(zone, text);
        zones.put(zone, true);
    }

    private void write(String zone, String text) {
        try {
            Files.writeString(dir.resolve("zones").resolve(zone + ".zone"), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeConfig() {
        Path run = dir.resolve("run").toAbsolutePath();
        StringBuilder conf = new StringBuilder()
                .append("server:\n  rundir: \"").append(run).append("\"\n")
                .append("  listen: 127.0.0.1@").append(port).append("\n")
                .append("log:\n  - target: stderr\n    any: warning\n")
                .append("control:\n  listen: \"").append(run.resolve("knot.sock")).append("\"\n")
                .append("database:\n  storage: \"").append(run).append("\"\n")
                .append("template:\n  - id: default\n    storage: \"").append(dir.resolve("zones").toAbsolutePath())
                .append("\"\n    zonefile-sync: -1\n    zonefile-load: whole\n    journal-content: none\n")
                .append("    semantic-checks: off\n")
                .append("zone:\n");
        for (String zone : zones.keySet()) {
            conf.append("  - domain: \"").append(zone).append("\"\n    file: \"").append(zone).append(".zone\"\n");
            if (signed.contains(zone)) {
                conf.append("    dnssec-signing: on\n");
            }
        }
        try {
            Files.writeString(config(), conf.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path config() {
        return dir.resolve("knot.conf").toAbsolutePath();
    }

    private Process launch() throws IOException {
        return new ProcessBuilder(executable("knotd").toString(), "-c", config().toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("knotd.log").toFile())
                .start();
    }

    private void knotc(String... command) {
        List<String> cmd = new ArrayList<>(List.of(executable("knotc").toString(), "-c", config().toString(), "-b"));
        cmd.addAll(List.of(command));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("knotc " + String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Polls every 50 ms until each zone answers SOA (NOERROR, or SERVFAIL for a zone expected to be broken). */
    private void awaitZones() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        for (Map.Entry<String, Boolean> zone : zones.entrySet()) {
            int wanted = zone.getValue() ? Rcode.NOERROR : Rcode.SERVFAIL;
            while (soaRcode(zone.getKey()) != wanted) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("knotd exited with " + process.exitValue() + ":\n" + log());
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("knotd did not serve " + zone.getKey() + " on port " + port
                            + " within " + READY_TIMEOUT.toSeconds() + " s:\n" + log());
                }
                pause();
            }
        }
    }

    private int soaRcode(String zone) {
        try {
            SimpleResolver resolver = new SimpleResolver(address());
            resolver.setTimeout(Duration.ofMillis(200));
            Message answer = resolver.send(Message.newQuery(
                    Record.newRecord(Name.fromString(zone + "."), Type.SOA, DClass.IN)));
            return answer.getRcode();
        } catch (IOException e) {
            return -1;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50); // polling a starting process, not schedule logic
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for knotd", e);
        }
    }

    /** knotd's own output, for failure messages. */
    public String log() {
        try {
            return Files.readString(dir.resolve("knotd.log"));
        } catch (IOException e) {
            return "(no knotd log: " + e.getMessage() + ")";
        }
    }

    static int freePort() throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int candidate = tcp.getLocalPort();
                try (DatagramSocket udp = new DatagramSocket(candidate, InetAddress.getLoopbackAddress())) {
                    return candidate;
                } catch (IOException taken) {
                    // UDP side in use: try another
                }
            }
        }
        throw new IOException("no free port on 127.0.0.1 for both TCP and UDP");
    }

    /** Finds a server binary on PATH or in /usr/sbin, /sbin; fails with how to install it. */
    static Path executable(String name) {
        return Stream.concat(Stream.of(System.getenv().getOrDefault("PATH", "").split(":")), Stream.of("/usr/sbin", "/sbin"))
                .filter(d -> !d.isEmpty())
                .map(d -> Path.of(d, name))
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(name + " not found: the DNS tests need Knot DNS and unbound."
                        + " Install them with 'apt-get install -y --no-install-recommends knot unbound' or run"
                        + " 'bash scripts/test.sh', which does."));
    }

    @Override
    public void close() {
        process.close();
    }
}
