package dev.domaindesk.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.domains.DomainService;
import dev.domaindesk.domains.ProfileRegistry;
import dev.domaindesk.store.Database;
import dev.domaindesk.store.JdbcDomainRepository;
import dev.domaindesk.store.JdbcSettingsRepository;
import dev.domaindesk.store.ScheduleStore;
import dev.domaindesk.store.StoreLease;
import dev.domaindesk.testing.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Background re-checks are run by one process of those sharing a store: the one holding the {@code store_lease}
 * row. Two schedulers here stand for two windows (each lease has its own holder, as each process does); the lease
 * is the row in the real H2 store both would see.
 */
class RecheckLeaseTest {
    private static final Duration TTL = Duration.ofSeconds(90);

    @TempDir
    Path dir;
    private final TestClock clock = new TestClock(Instant.parse("2026-12-07T10:00:00Z"));
    private Database db;
    private final List<RecheckScheduler> schedulers = new ArrayList<>();

    /** Records which domains it was asked to check, stores nothing, ends at once. */
    static final class Recording implements CheckStarter {
        final List<String> started = new CopyOnWriteArrayList<>();

        @Override
        public CheckRun start(Collection<String> domainIds, CheckListener listener) {
            started.addAll(domainIds);
            CompletableFuture<CheckSummary> done = CompletableFuture.completedFuture(
                    new CheckSummary(Instant.EPOCH, domainIds.size(), 0, 0, 0, false, false));
            return new CheckRun() {
                @Override
                public RunState state() {
                    return RunState.IDLE;
                }

                @Override
                public CompletableFuture<CheckSummary> done() {
                    return done;
                }

                @Override
                public void cancel() {
                }
            };
        }
    }

    @BeforeEach
    void store() {
        db = Database.open(dir.resolve("data"));
        DomainService domains = new DomainService(new JdbcDomainRepository(db), new JdbcSettingsRepository(db), new ProfileRegistry(dir.resolve("p")),
                clock);
        domains.add("one.test", null);
        domains.add("two.test", null);
    }

    @AfterEach
    void close() {
        schedulers.forEach(RecheckScheduler::close);
        db.close();
    }

    private static RecheckLease lease(StoreLease row) {
        return new RecheckLease() {
            @Override
            public boolean hold() {
                return row.hold(TTL);
            }

            @Override
            public void release() {
                row.release();
            }
        };
    }

    private RecheckScheduler scheduler(Recording checker) {
        RecheckScheduler s = new RecheckScheduler(checker, new ScheduleStore(db), () -> ScheduleSettings.DEFAULTS, clock,
                100, lease(new StoreLease(db, StoreLease.RECHECKS, clock)));
        schedulers.add(s);
        return s;
    }

    @Test
    void theLeaseIsOneHoldersUntilItExpiresOrIsGivenUp() {
        StoreLease a = new StoreLease(db, StoreLease.RECHECKS, clock);
        StoreLease b = new StoreLease(db, StoreLease.RECHECKS, clock);
        assertTrue(a.hold(TTL));
        assertFalse(b.hold(TTL), "held by the other");
        assertTrue(a.hold(TTL), "renewed by its holder");
        assertEquals(a.self(), a.holder().orElseThrow());
        clock.advance(TTL.plusSeconds(1));
        assertTrue(b.hold(TTL), "a holder that stopped renewing (a process that died) loses it");
        assertFalse(a.hold(TTL));
        b.release();
        assertTrue(a.hold(TTL), "given up: taken at once");
    }

    @Test
    void dueRecordsAreCheckedByOneSchedulerOnlyAndByTheOtherOnceTheFirstStops() throws Exception {
        Recording first = new Recording();
        Recording second = new Recording();
        RecheckScheduler a = scheduler(first);
        RecheckScheduler b = scheduler(second);

        a.tick().get(10, TimeUnit.SECONDS);
        b.tick().get(10, TimeUnit.SECONDS);
        assertEquals(2, first.started.size(), "the first took the lease and checked what was due");
        assertEquals(List.of(), second.started, "the second did not check the same records again");

        a.close(); // the window closes: it gives the lease up
        b.tick().get(10, TimeUnit.SECONDS);
        assertEquals(2, second.started.size(), "the other takes over at its next look");
    }

    @Test
    void checkNowRunsWithoutTheLease() throws Exception {
        Recording first = new Recording();
        Recording second = new Recording();
        RecheckScheduler a = scheduler(first);
        RecheckScheduler b = scheduler(second);
        a.tick().get(10, TimeUnit.SECONDS);
        String id = new ScheduleStore(db).allDomainIds().get(0);
        b.checkNow(List.of(id)).get(10, TimeUnit.SECONDS);
        assertEquals(List.of(id), second.started, "a check asked for by hand runs in any window, and only that one");
    }
}
