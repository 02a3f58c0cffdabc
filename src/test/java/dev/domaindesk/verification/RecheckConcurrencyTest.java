package dev.domaindesk.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.bench.BenchZone;
import dev.domaindesk.bench.BenchZone.Mistake;
import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 1,000 domains checked while others are added and removed: no result lost, none stored twice. */
class RecheckConcurrencyTest {
    @TempDir
    Path dir;
    private SchedulerFixture f;

    @AfterEach
    void tearDown() {
        if (f != null) {
            f.close();
        }
    }

    @Test
    void noLostOrDuplicatedResultsWhileDomainsComeAndGo() throws Exception {
        f = new SchedulerFixture(dir, 200);
        List<Domain> checked = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            checked.add(f.add(String.format("k%04d", i), BenchZone.mistakeOf(i)));
        }
        List<Domain> others = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            others.add(f.add(String.format("gone%03d", i), Mistake.NONE));
        }
        f.publish();
        int expectedRecords = f.records(checked.get(0)).size();

        List<Domain> added = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> pass = f.scheduler.tick();
        CompletableFuture<Void> churn = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 150; i++) {
                added.add(f.domains.add(String.format("new%03d.%s", i, SchedulerFixture.ZONE), "ses").domain());
                if (i < others.size()) {
                    f.domains.remove(others.get(i).id());
                }
            }
        });
        churn.get(120, TimeUnit.SECONDS);
        pass.get(120, TimeUnit.SECONDS);
        f.tick(); // whatever was added after the pass's last chunk

        Map<String, Long> timesChecked = f.events.checkedRecords.stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        Map<String, Long> domainsChecked = f.events.checkedDomains.stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        for (Domain d : checked) {
            List<DnsRecord> records = f.records(d);
            assertEquals(expectedRecords, records.size(), d.name().ascii());
            assertEquals(1L, domainsChecked.get(d.id()), d.name().ascii() + " stored once");
            for (DnsRecord r : records) {
                assertNotEquals(CheckState.UNCHECKED, r.checkState(), r.name());
                assertEquals(1L, timesChecked.get(r.id()), r.name() + " stored once");
            }
            boolean correct = BenchZone.mistakeOf(Integer.parseInt(d.name().ascii().substring(1, 5))) == Mistake.NONE;
            assertEquals(correct ? DomainStatus.VERIFIED : DomainStatus.PENDING, f.reload(d).status(), d.name().ascii());
        }
        for (Domain d : added) {
            assertEquals(expectedRecords, f.records(d).size());
            assertEquals(1L, domainsChecked.get(d.id()), d.name().ascii() + " added during the run, checked once");
            assertTrue(f.records(d).stream().allMatch(r -> r.checkState() == CheckState.MISSING));
        }
        for (Domain d : others) {
            assertTrue(f.repository.findById(d.id()).isEmpty());
            assertTrue(f.records(d).isEmpty());
        }
        Map<DomainStatus, Integer> counts = new HashMap<>(f.repository.countByStatus());
        assertEquals(checked.size() + added.size(), counts.values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(0, f.store.countDue(f.now()));
    }
}
