package dev.domaindesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.app.AppContext;
import dev.domaindesk.domains.ProfileRegistry;
import dev.domaindesk.domains.DomainService;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seal when several processes share the store (decision 0011): a seal written while this process had let go
 * of the file (another process, last out, sealed it) and this process then took the file over is marked open again
 * at its next commit, so the next opening does not compare a changed file with a stale checksum.
 */
class SharedSealTest {
    @TempDir
    Path dir;

    @Test
    void aProcessThatTookTheFileOverAfterASealMarksItOpenAtItsNextCommit() throws Exception {
        Database db = Database.open(dir);
        try {
            DomainService domains = new DomainService(new JdbcDomainRepository(db), new JdbcSettingsRepository(db),
                    new ProfileRegistry(dir.resolve("p")),
                    Clock.systemUTC());
            domains.add("one.test", null);
            StoreSeal seal = new StoreSeal(dir);
            long counter = db.changes().read(db);
            // what another process, finding no owner for a moment, wrote before this one took the file over
            seal.sealRestored(counter);
            assertFalse(seal.read().orElseThrow().open());

            domains.add("two.test", null);

            StoreSeal.State now = seal.read().orElseThrow();
            assertTrue(now.open(), "marked open again");
            assertEquals(counter + 1, now.counter());
        } finally {
            db.close();
        }
        assertFalse(new StoreSeal(dir).read().orElseThrow().open(), "sealed by the last one out");
        try (AppContext reopened = new AppContext(dir, Clock.systemUTC())) {
            assertEquals(2, reopened.domains().list().size(), "and opened again without a refusal");
        }
    }
}
