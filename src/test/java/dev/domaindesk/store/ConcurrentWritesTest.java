package dev.domaindesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.domaindesk.app.AppContext;
import dev.domaindesk.app.AppContextAccess;
import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.DomainWithRecords;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Check results and due times written at once from several threads, in opposite orders: no deadlock, nothing lost. */
class ConcurrentWritesTest extends StoreTestBase {

    @Test
    void batchesWrittenConcurrentlyInOppositeOrdersAllLand() throws Exception {
        try (AppContext app = open(Clock.systemUTC())) {
            List<DnsRecord> records = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                DomainWithRecords d = app.domains().add("d" + i + ".example", null);
                records.addAll(d.records());
            }
            List<DnsRecord> reversed = new ArrayList<>(records);
            Collections.reverse(reversed);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Integer>> writes = new ArrayList<>();
                for (int round = 0; round < 10; round++) {
                    Instant at = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(round);
                    for (List<DnsRecord> order : List.of(records, reversed)) {
                        List<DnsRecord> checked = order.stream().map(r -> r.withCheck(true, CheckState.VERIFIED,
                                List.of(r.value()), List.of(), false, at).withNextCheckAt(at)).toList();
                        writes.add(pool.submit(() -> AppContextAccess.repository(app).saveChecks(List.of(), checked)));
                    }
                }
                for (Future<Integer> w : writes) {
                    assertEquals(records.size(), w.get());
                }
            } finally {
                pool.shutdown();
            }
            assertEquals(records.size(), AppContextAccess.repository(app).recordsOf(app.domains().list().stream()
                    .map(d -> d.id()).toList()).values().stream().mapToLong(l -> l.stream()
                    .filter(r -> r.checkState() == CheckState.VERIFIED && r.found().size() == 1).count()).sum());
        }
    }
}
