package dev.domaindesk.bench;

import dev.domaindesk.store.Database;
import dev.domaindesk.store.JdbcDomainRepository;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;

/**
 * The benchmark's first step: {@code BenchSetup N WORK_DIR DATA_DIR} writes the zone file and dnsperf's questions
 * into WORK_DIR and the N domains into a fresh store in DATA_DIR, then prints a free loopback port for Knot.
 */
public final class BenchSetup {
    private BenchSetup() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: BenchSetup N WORK_DIR DATA_DIR");
            System.exit(2);
        }
        int n = Integer.parseInt(args[0]);
        Path work = Path.of(args[1]);
        Path data = Path.of(args[2]);
        long t0 = System.nanoTime();
        BenchData bench = BenchData.generate(n, data.resolve("profiles"));
        bench.writeFiles(work);
        long t1 = System.nanoTime();
        try (Database db = Database.open(data)) {
            new JdbcDomainRepository(db).replaceAll(bench.domains(), List.of());
        }
        System.out.printf("generated in %d ms, stored in %d ms%n", (t1 - t0) / 1_000_000,
                (System.nanoTime() - t1) / 1_000_000);
        System.out.println("generated " + n + " domains, "
                + bench.domains().stream().mapToInt(d -> d.records().size()).sum() + " records");
        System.out.println("port=" + freePort());
    }

    private static int freePort() throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                 DatagramSocket udp = new DatagramSocket(tcp.getLocalPort(), InetAddress.getLoopbackAddress())) {
                return udp.getLocalPort();
            } catch (IOException taken) {
                // UDP side in use: try another
            }
        }
        throw new IOException("no free port on 127.0.0.1");
    }
}
