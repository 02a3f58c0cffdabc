package dev.domaindesk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * A real recursive resolver (unbound) on 127.0.0.1 in front of a {@link KnotServer}, for what only a resolver
 * shows: an organisational domain's records asked for a subdomain, a delegation to a server that never answers.
 * Each given zone is a stub zone pointing at Knot; the root is stubbed to Knot too (which refuses it), so
 * following a name outside those zones never leaves loopback. Runs in the foreground as a child process; fails
 * loudly when unbound is not installed.
 */
public final class UnboundServer implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(10);

    private final Path dir;
    private final ServerProcess process;
    private final int port;

    private UnboundServer(Path dir, KnotServer knot, List<String> zones) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
        this.port = KnotServer.freePort();
        Path conf = dir.resolve("unbound.conf").toAbsolutePath();
        Files.writeString(conf, config(knot.port(), zones), StandardCharsets.UTF_8);
        this.process = new ServerProcess(new ProcessBuilder(KnotServer.executable("unbound").toString(), "-d", "-c",
                conf.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("unbound.log").toFile()).start(),
                "unbound");
        try {
            awaitReady(zones.get(0));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Starts unbound resolving {@code zones} (served by {@code knot}) and nothing else. */
    public static UnboundServer start(Path dir, KnotServer knot, List<String> zones) {
        try {
            return new UnboundServer(dir, knot, zones);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start unbound in " + dir, e);
        }
    }

    private String config(int knotPort, List<String> zones) {
        Path abs = dir.toAbsolutePath();
        StringBuilder c = new StringBuilder()
                .append("server:\n")
                .append("  interface: 127.0.0.1\n  port: ").append(port).append("\n")
                .append("  do-daemonize: no\n  username: \"\"\n  chroot: \"\"\n")
                .append("  directory: \"").append(abs).append("\"\n")
                .append("  pidfile: \"").append(abs.resolve("unbound.pid")).append("\"\n")
                .append("  use-syslog: no\n  logfile: \"\"\n  verbosity: 1\n")
                .append("  do-ip6: no\n  do-not-query-localhost: no\n  outgoing-interface: 127.0.0.1\n")
                .append("  access-control: 127.0.0.0/8 allow\n")
                .append("  module-config: \"iterator\"\n  qname-minimisation: no\n")
                // a delegation to a dead server fails within the test's patience instead of unbound's minutes
                .append("  infra-cache-min-rtt: 50\n  infra-keep-probing: yes\n")
                .append("  msg-cache-size: 4m\n  rrset-cache-size: 4m\n")
                // unbound answers the special-use names of RFC 6761 (.test among them) itself unless told not to
                .append("  local-zone: \"test.\" nodefault\n")
                .append("remote-control:\n  control-enable: no\n")
                .append("stub-zone:\n  name: \".\"\n  stub-addr: 127.0.0.1@").append(knotPort).append("\n");
        for (String zone : zones) {
            c.append("stub-zone:\n  name: \"").append(zone).append(".\"\n  stub-addr: 127.0.0.1@").append(knotPort)
                    .append("\n");
        }
        return c.toString();
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    private void awaitReady(String zone) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!answers(zone)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("unbound exited with " + process.exitValue() + ":\n" + log());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("unbound did not answer for " + zone + " on port " + port + ":\n" + log());
            }
            try {
                Thread.sleep(50); // polling a starting process, not schedule logic
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for unbound", e);
            }
        }
    }

    private boolean answers(String zone) {
        try {
            SimpleResolver resolver = new SimpleResolver(address());
            resolver.setTimeout(Duration.ofMillis(300));
            Message answer = resolver.send(Message.newQuery(Record.newRecord(Name.fromString(zone + "."), Type.SOA, DClass.IN)));
            return !answer.getSection(org.xbill.DNS.Section.ANSWER).isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** unbound's own output, for failure messages. */
    public String log() {
        try {
            return Files.readString(dir.resolve("unbound.log"));
        } catch (IOException e) {
            return "(no unbound log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
