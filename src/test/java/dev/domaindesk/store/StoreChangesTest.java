package dev.domaindesk.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.app.AppContext;
import dev.domaindesk.app.AppContextAccess;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The poll that tells a window of other processes' changes, on a real H2 store. */
class StoreChangesTest extends StoreTestBase {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05.678Z"), ZoneOffset.UTC);

    /**
     * This process's own transaction has committed its count but not yet noted it (it still holds its turn): a poll
     * at that moment must wait for the note, not report another process's change.
     */
    @Test
    void aChangeOfThisProcessBetweenItsCommitAndItsNoteIsNotAnotherProcesss() throws Exception {
        try (AppContext app = open(CLOCK)) {
            Database db = AppContextAccess.database(app);
            StoreChanges changes = new StoreChanges(db, Duration.ofHours(1));
            assertFalse(changes.poll(), "nothing changed yet");
            CompletableFuture<Boolean> poll;
            db.turn().lock();
            try {
                long count;
                try (Connection c = db.connection()) {
                    c.setAutoCommit(false);
                    try (PreparedStatement ps = c.prepareStatement(db.dialect().countChange());
                         ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        count = rs.getLong(1);
                    }
                    c.commit();
                }
                poll = CompletableFuture.supplyAsync(changes::poll);
                Thread.sleep(200); // the poll, unless it waits for the turn, reads the committed count now
                db.committed(count);
            } finally {
                db.turn().unlock();
            }
            assertFalse(poll.get(10, TimeUnit.SECONDS), "this process's own change");

            try (Database other = openDatabase()) {
                new JdbcSettingsRepository(other).put("region", "eu-west-1");
            }
            assertTrue(changes.poll(), "another process's change is still seen");
        }
    }
}
