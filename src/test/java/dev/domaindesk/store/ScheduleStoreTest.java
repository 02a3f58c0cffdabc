package dev.domaindesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

class ScheduleStoreTest {
    @TempDir
    Path dir;

    @Test
    void rowsAreTheRecordsOfTheAskedDomainsWhetherAskedOneByOneOrByAScan() {
        try (AppContext app = new AppContext(dir, Clock.systemUTC())) {
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
        try (AppContext app = new AppContext(dir, Clock.systemUTC())) {
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
}
