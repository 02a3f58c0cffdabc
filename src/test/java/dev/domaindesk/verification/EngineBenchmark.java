package dev.domaindesk.verification;

import dev.domaindesk.domains.Domain;
import dev.domaindesk.testing.KnotServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Engine throughput against Knot on loopback: N domains with the SES set of 9 records (every other domain with
 * one mistake), checked by CheckService and stored in H2. Not a test; run:
 * {@code mvn -q package -DskipTests && java -cp "target/classes:target/test-classes:target/lib/*"
 * dev.domaindesk.verification.EngineBenchmark 10000 200 3} (domains, window, runs)
 */
public final class EngineBenchmark {
    private EngineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int window = args.length > 1 ? Integer.parseInt(args[1]) : CheckOptions.DEFAULT_MAX_IN_FLIGHT;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path dir = Files.createTempDirectory("domaindesk-bench");
        StringBuilder zone = new StringBuilder("inbound TXT \"v=spf1 ip4:198.51.100.0/24 -all\"\n");
        try (EngineFixture f = new EngineFixture(dir)) {
            List<Domain> domains = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String d = "d" + i + ".bench.test";
                String token = "token-" + i;
                zone.append("_amazonses.d").append(i).append(" TXT \"").append(i % 2 == 0 ? token : "wrong").append("\"\n")
                        .append("d").append(i).append(" MX 10 inbound.bench.test.\n")
                        .append("d").append(i).append(" TXT \"v=spf1 include:inbound.bench.test ~all\"\n")
                        .append("_dmarc.d").append(i).append(" TXT \"v=DMARC1; p=none\"\n")
                        .append("mail.d").append(i).append(" MX 10 feedback.bench.test.\n")
                        .append("mail.d").append(i).append(" TXT \"v=spf1 include:inbound.bench.test ~all\"\n");
                for (int k = 1; k <= 3; k++) {
                    zone.append("k").append(k).append("._domainkey.d").append(i).append(" CNAME k").append(k)
                            .append(".dkim.bench.test.\n");
                }
                domains.add(f.domain(d, "TXT", "_amazonses." + d, token, "MX", d, "10 inbound.bench.test",
                        "TXT", d, "v=spf1 include:inbound.bench.test ~all", "TXT", "_dmarc." + d, "v=DMARC1; p=none",
                        "MX", "mail." + d, "10 feedback.bench.test", "TXT", "mail." + d, "v=spf1 include:inbound.bench.test ~all",
                        "CNAME", "k1._domainkey." + d, "k1.dkim.bench.test", "CNAME", "k2._domainkey." + d,
                        "k2.dkim.bench.test", "CNAME", "k3._domainkey." + d, "k3.dkim.bench.test"));
            }
            try (KnotServer knot = KnotServer.start(dir.resolve("knot"), Map.of("bench.test", zone.toString()))) {
                CheckOptions options = EngineFixture.via(knot.address()).withTimeout(Duration.ofSeconds(3))
                        .withMaxInFlight(window);
                for (int run = 1; run <= runs; run++) {
                    measure(f, domains, options, n, window);
                }
            }
        }
    }

    private static void measure(EngineFixture f, List<Domain> domains, CheckOptions options, int n, int window)
            throws Exception {
                long t0 = System.nanoTime();
                long[] verdictsDone = new long[1];
                CheckListener listener = event -> {
                    if (event instanceof CheckEvent.Progress p && p.done() == p.total()) {
                        verdictsDone[0] = System.nanoTime();
                    }
                };
                CheckSummary s = f.service.start(domains.stream().map(Domain::id).toList(), options, listener)
                        .done().get(30, TimeUnit.MINUTES);
                System.out.printf("all verdicts after %.1f s%n", (verdictsDone[0] - t0) / 1e9);
                double seconds = (System.nanoTime() - t0) / 1e9;
                System.out.printf("%d domains, %d records in %.1f s: %.0f records/s (window %d); %d verified,"
                                + " %d not verified, %d DNS errors%n", n, s.records(), seconds, s.records() / seconds,
                        window, s.verified(), s.notVerified(), s.dnsErrors());
    }
}
