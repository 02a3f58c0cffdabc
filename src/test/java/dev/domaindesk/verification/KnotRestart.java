package dev.domaindesk.verification;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/** Starts knotd again on the configuration (and so the port) a stopped {@code KnotServer} left in its directory. */
final class KnotRestart implements AutoCloseable {
    private final Process process;

    private KnotRestart(Process process) {
        this.process = process;
    }

    static KnotRestart start(Path knotDir, InetSocketAddress address, String zone) throws Exception {
        String knotd = Files.isExecutable(Path.of("/usr/sbin/knotd")) ? "/usr/sbin/knotd" : "knotd";
        Process p = new ProcessBuilder(knotd, "-c", knotDir.resolve("knot.conf").toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(knotDir.resolve("knotd-restarted.log").toFile()).start();
        KnotRestart restarted = new KnotRestart(p);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!answers(address, zone)) {
            if (System.nanoTime() > deadline || !p.isAlive()) {
                restarted.close();
                throw new IllegalStateException("knotd did not come back: " + Files.readString(
                        knotDir.resolve("knotd-restarted.log")));
            }
            Thread.sleep(50); // polling a starting process, not schedule logic
        }
        return restarted;
    }

    private static boolean answers(InetSocketAddress address, String zone) {
        try {
            SimpleResolver resolver = new SimpleResolver(address);
            resolver.setTimeout(Duration.ofMillis(200));
            Message m = resolver.send(Message.newQuery(Record.newRecord(Name.fromString(zone + "."), Type.SOA, DClass.IN)));
            return m.getRcode() == Rcode.NOERROR;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
