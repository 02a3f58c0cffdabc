package dev.domaindesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.app.AppContext;
import dev.domaindesk.app.AppContextAccess;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.DomainWithRecords;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScheduleStoreTest extends StoreTestBase {

    @Test
    void rowsAreTheRecordsOfTheAskedDomainsWhetherAskedOneByOneOrByAScan() {
        try (AppContext app = open(Clock.systemUTC())) {
            ScheduleStore store = new ScheduleStore(AppContextAccess.database(app));
            java.util.List<String> ids = new java.util.ArrayList<>();
            for (int i = 0; i < 520; i++) {
                ids.add(app.domains().add("d" + i + ".example", null).domain().id());
            }
            java.util.List<dev.domaindesk.verification.ScheduleRepository.ScheduleRow> few = store.rows(java.util.List.of(ids.get(3), ids.get(7), "dom_gone"));
            assertEquals(18, few.size(), "9 records each; an unknown id is simply absent");
            assertEquals(java.util.Set.of(ids.get(3), ids.get(7)),
                    java.util.Set.copyOf(few.stream().map(dev.domaindesk.verification.ScheduleRepository.ScheduleRow::domainId).toList()));
            java.util.List<String> many = ids.subList(0, 510); // above the per-domain limit: one scan
            java.util.List<dev.domaindesk.verification.ScheduleRepository.ScheduleRow> scanned = store.rows(many);
            assertEquals(510 * 9, scanned.size());
            assertEquals(java.util.Set.copyOf(many),
                    java.util.Set.copyOf(scanned.stream().map(dev.domaindesk.verification.ScheduleRepository.ScheduleRow::domainId).toList()));
        }
    }

    @Test
    void theEarliestDueTimeIsTheEpochWhileARecordWasNeverScheduledThenTheSmallestOne() {
        try (AppContext app = open(Clock.systemUTC())) {
            ScheduleStore store = new ScheduleStore(AppContextAccess.database(app));
            assertEquals(Optional.empty(), store.earliestDue(), "no records, nothing due");

            DomainWithRecords added = app.domains().add("due.example", null);
            assertEquals(Optional.of(Instant.EPOCH), store.earliestDue(), "never scheduled counts as due long ago");

            Map<String, Instant> next = new HashMap<>();
            Instant base = Instant.parse("2030-01-01T00:00:00Z");
            int i = 0;
            for (DnsRecord r : added.records()) {
                next.put(r.id(), base.plusSeconds(60L * (added.records().size() - i++)));
            }
            store.reschedule(next);
            assertEquals(Optional.of(base.plusSeconds(60)), store.earliestDue());
        }
    }

    /**
     * Two processes asking for due domains at once are given different ones: on PostgreSQL each is claimed
     * (decision 0015); the embedded store gives all to one process, which holds the re-check lease (decision 0011).
     */
    @Test
    void twoStoresAskingForDueDomainsAtOnceAreGivenDisjointSetsOnPostgresql() throws Exception {
        try (AppContext app = open(Clock.systemUTC()); Database second = openDatabase()) {
            for (int i = 0; i < 60; i++) {
                app.domains().add("c" + i + ".example", null);
            }
            ScheduleStore a = new ScheduleStore(AppContextAccess.database(app));
            ScheduleStore b = new ScheduleStore(second);
            Instant now = Instant.now();
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                var ca = pool.submit(() -> a.claimDue(now, 25));
                var cb = pool.submit(() -> b.claimDue(now, 25));
                java.util.Set<String> fromA = java.util.Set.copyOf(ca.get());
                java.util.Set<String> fromB = java.util.Set.copyOf(cb.get());
                if (store.isEmbedded()) {
                    assertEquals(25, fromA.size(), "the embedded store claims nothing: the lease decides");
                    assertEquals(fromA, fromB);
                    return;
                }
                assertEquals(25, fromA.size());
                assertEquals(25, fromB.size());
                java.util.Set<String> both = new java.util.HashSet<>(fromA);
                both.retainAll(fromB);
                assertEquals(java.util.Set.of(), both, "no domain given to both");
                java.util.Set<String> moreForA = java.util.Set.copyOf(a.claimDue(now, 60));
                assertEquals(35, moreForA.size(), "its own 25 and the 10 nobody had");
                assertTrue(moreForA.containsAll(fromA));
                assertEquals(fromB, java.util.Set.copyOf(b.claimDue(now, 60)), "b keeps its own, gets none of a's");
                b.releaseClaims();
                assertEquals(60, a.claimDue(now, 60).size(), "what b gave up (still due, not checked) goes to a");
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
