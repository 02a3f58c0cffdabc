package dev.domaindesk.bench;

import dev.domaindesk.api.json.ServiceDocuments;
import dev.domaindesk.api.json.ServiceJson;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

/**
 * The benchmark's first step: {@code BenchSetup N WORK_DIR} writes into WORK_DIR the zone file, dnsperf's
 * questions and {@code domains.json} (the service's dns-records documents, for {@code domaindesk import}),
 * then prints a free loopback port for Knot.
 */
public final class BenchSetup {
    private BenchSetup() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: BenchSetup N WORK_DIR");
            System.exit(2);
        }
        int n = Integer.parseInt(args[0]);
        Path work = Path.of(args[1]);
        BenchData bench = BenchData.generate(n, work.resolve("profiles"));
        bench.writeFiles(work);
        ServiceJson.mapper().writeValue(work.resolve("domains.json").toFile(),
                bench.domains().stream().map(ServiceDocuments::dnsRecords).toList());
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
