package dev.domaindesk.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.Launcher;
import dev.domaindesk.bench.BenchData;
import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainWithRecords;
import dev.domaindesk.store.Database;
import dev.domaindesk.store.JdbcDomainRepository;
import dev.domaindesk.testing.KnotServer;
import dev.domaindesk.store.JdbcSettingsRepository;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 in the middle of a check of every domain: the store opens again, every domain and record is there,
 * each domain was written whole or not at all, and each record's state is its old one or the one a complete
 * check gives.
 */
class KillDuringCheckAllTest {
    private static final int DOMAINS = Integer.getInteger("killtest.domains", 10_000);
    private static final long GROWTH = 1 << 20;

    @TempDir
    Path dir;

    @Test
    void aKilledCheckLeavesEveryRecordInItsOldOrItsNewState(org.junit.jupiter.api.TestReporter reporter) throws Exception {
        Path data = dir.resolve("data");
        BenchData bench = BenchData.generate(DOMAINS, data.resolve("profiles"));
        try (Database db = Database.open(data)) {
            JdbcDomainRepository repository = new JdbcDomainRepository(db);
            List<DomainWithRecords> all = bench.domains();
            for (int i = 0; i < all.size(); i += 1000) {
                repository.replaceAll(all.subList(i, Math.min(all.size(), i + 1000)), List.of());
            }
        }
        int records = bench.domains().stream().mapToInt(d -> d.records().size()).sum();
        try (KnotServer knot = KnotServer.start(dir.resolve("knot"), Map.of(BenchData.ZONE, bench.zoneRecords(),
                "amazonses.com", SchedulerFixture.AMAZONSES))) {
            killMidRun(data, knot.port());

            try (Database db = Database.open(data)) {
                JdbcDomainRepository repository = new JdbcDomainRepository(db);
                List<Domain> domains = repository.findAll();
                assertEquals(DOMAINS, domains.size(), "every domain is still there");
                List<String> ids = domains.stream().map(Domain::id).toList();
                Map<String, List<DnsRecord>> afterKill = repository.recordsOf(ids);
                assertEquals(records, afterKill.values().stream().mapToInt(List::size).sum(), "every record too");
                List<String> written = new java.util.ArrayList<>();
                for (Domain d : domains) {
                    List<DnsRecord> own = afterKill.get(d.id());
                    long checked = own.stream().filter(r -> r.checkState() != CheckState.UNCHECKED).count();
                    assertTrue(checked == 0 || checked == own.size(), d.name().ascii() + " written whole or not at all");
                    assertEquals(checked > 0, d.lastDnsCheck() != null, d.name().ascii());
                    if (checked > 0) {
                        written.add(d.id());
                    }
                }
                assertTrue(!written.isEmpty() && written.size() < DOMAINS, "killed mid-run after " + written.size());
                reporter.publishEntry("domains written before the kill", String.valueOf(written.size()));

                // the new state: what a complete check of the written domains gives (thousands of domains, each with
                // SPF evaluations and CNAME questions: generous, since the test machine is shared)
                CheckOptions options = new CheckOptions(List.of(knot.address()), false, java.time.Duration.ofSeconds(2), 200);
                new CheckService(repository, new JdbcSettingsRepository(db), Clock.systemUTC())
                        .start(written, options, CheckListener.NONE)
                        .done().get(300, TimeUnit.SECONDS);
                Map<String, CheckState> newState = new HashMap<>();
                repository.recordsOf(written).values().forEach(list -> list.forEach(r -> newState.put(r.id(), r.checkState())));
                for (String id : written) {
                    for (DnsRecord r : afterKill.get(id)) {
                        assertEquals(newState.get(r.id()), r.checkState(), r.name() + " " + r.recordType());
                    }
                }
            }
        }
    }

    /**
     * Runs the real command line, {@code domaindesk --data-dir DATA check --all --resolver 127.0.0.1:PORT}, in a child
     * JVM (its CheckService log line enabled, to know when checking starts), and kills it with SIGKILL once the
     * store file has grown by 1 MB after that (several batches of results committed, most still to come).
     */
    private void killMidRun(Path data, int port) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Dorg.slf4j.simpleLogger.log." + CheckService.class.getName() + "=info",
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName(),
                "--data-dir", data.toString(), "check", "--all", "--resolver", "127.0.0.1:" + port)
                .redirectOutput(dir.resolve("child.out").toFile()).start();
        boolean checking = false;
        try (BufferedReader err = new BufferedReader(new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while (!checking && (line = err.readLine()) != null) {
                checking = line.contains("Checking " + DOMAINS + " domains");
            }
            assertTrue(checking, "check --all did not start checking");
            Path file = data.resolve(Database.FILE_NAME + ".mv.db");
            long start = Files.size(file);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (Files.size(file) < start + GROWTH && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(10); // polling a child process's file, not schedule logic
            }
            assertTrue(child.isAlive(), "check --all finished before it could be killed");
            List<ProcessHandle> commandJvms = child.descendants().toList(); // the JVM the command runs in
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no H2 close
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            for (ProcessHandle jvm : commandJvms) { // it stops at once when the process the user killed is gone
                jvm.onExit().get(30, TimeUnit.SECONDS);
            }
        }
        assertEquals(137, child.exitValue(), "killed by SIGKILL");
    }

}
