package dev.domaindesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.domaindesk.app.AppContext;
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
    void theEarliestDueTimeIsTheEpochWhileARecordWasNeverScheduledThenTheSmallestOne() {
        try (AppContext app = new AppContext(dir, Clock.systemUTC())) {
            ScheduleStore store = new ScheduleStore(app.database());
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
