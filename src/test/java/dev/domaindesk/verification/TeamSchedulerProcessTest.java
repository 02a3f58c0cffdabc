package dev.domaindesk.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.bench.BenchData;
import dev.domaindesk.domains.DomainWithRecords;
import dev.domaindesk.store.Database;
import dev.domaindesk.store.JdbcDomainRepository;
import dev.domaindesk.store.JdbcSettingsRepository;
import dev.domaindesk.store.StoreCredentials;
import dev.domaindesk.store.StoreLocation;
import dev.domaindesk.testing.KnotServer;
import dev.domaindesk.testing.PostgresCluster;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two DomainDesk processes (two machines' windows, say) re-checking in the background on one PostgreSQL store share
 * the due domains (decision 0015): 1,000 due domains, answered by a real Knot, are each checked by exactly one of them,
 * and both take part.
 */
class TeamSchedulerProcessTest {
    private static final int DOMAINS = 1000;

    @TempDir
    Path dir;

    @Test
    void twoSchedulersOnOnePostgresStoreCheckEachDueDomainExactlyOnce(TestReporter reporter) throws Exception {
        String url = PostgresCluster.shared().newDatabase();
        BenchData bench = BenchData.generate(DOMAINS, dir.resolve("profiles"));
        try (KnotServer knot = KnotServer.start(dir.resolve("knot"), Map.of(BenchData.ZONE, bench.zoneRecords(),
                BenchData.INCLUDED, BenchData.INCLUDED_SPF))) {
            try (Database db = Database.open(dir.resolve("setup"), StoreLocation.of(url), StoreCredentials.none())) {
                JdbcDomainRepository repository = new JdbcDomainRepository(db);
                List<DomainWithRecords> all = bench.domains();
                for (int i = 0; i < all.size(); i += 250) {
                    repository.replaceAll(all.subList(i, Math.min(all.size(), i + 250)), List.of());
                }
                new JdbcSettingsRepository(db).put(CheckSettings.RESOLVERS, "127.0.0.1:" + knot.port());
            }
            List<Process> processes = new ArrayList<>();
            List<CompletableFuture<List<String>>> outputs = new ArrayList<>();
            try {
                for (String name : List.of("alice", "bob")) {
                    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                            "-Xmx384m", "-cp", System.getProperty("java.class.path"),
                            TeamSchedulerProcess.class.getName(), dir.resolve(name).toString(), url)
                            .redirectError(dir.resolve(name + ".err").toFile()).start();
                    processes.add(p);
                    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                            StandardCharsets.UTF_8));
                    assertEquals("ready", out.readLine(), name + " did not open the store: "
                            + java.nio.file.Files.readString(dir.resolve(name + ".err")));
                    outputs.add(CompletableFuture.supplyAsync(() -> out.lines().toList()));
                }
                for (Process p : processes) { // both start checking at once
                    OutputStream in = p.getOutputStream();
                    in.write("go\n".getBytes(StandardCharsets.UTF_8));
                    in.flush();
                }
                Map<String, Integer> checks = new HashMap<>();
                List<Integer> perProcess = new ArrayList<>();
                for (int i = 0; i < processes.size(); i++) {
                    assertTrue(processes.get(i).waitFor(240, TimeUnit.SECONDS), "process " + i + " did not finish");
                    List<String> lines = outputs.get(i).get(10, TimeUnit.SECONDS);
                    assertEquals("done", lines.get(lines.size() - 1), String.join("\n", lines));
                    List<String> checked = lines.stream().filter(l -> l.startsWith("checked ")).map(l -> l.substring(8))
                            .toList();
                    perProcess.add(checked.size());
                    checked.forEach(id -> checks.merge(id, 1, Integer::sum));
                }
                reporter.publishEntry("domains checked per process", perProcess.toString());
                assertEquals(DOMAINS, checks.size(), "every due domain was checked");
                Map<String, Integer> twice = new HashMap<>(checks);
                twice.values().removeIf(n -> n == 1);
                assertEquals(Map.of(), twice, "no domain was checked by both processes, nor twice by one");
                assertTrue(perProcess.stream().allMatch(n -> n > 0), "both processes took part: " + perProcess);
                assertEquals(List.of(0, 0), List.of(processes.get(0).exitValue(), processes.get(1).exitValue()));
            } finally {
                processes.forEach(Process::destroyForcibly);
            }
        }
    }
}
