package dev.domaindesk.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.bench.BenchZone.Mistake;
import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cancel, pause/resume and offline handling, against real Knot and a real H2 store. */
class RecheckControlTest {
    @TempDir
    Path dir;
    private SchedulerFixture f;

    @AfterEach
    void tearDown() {
        if (f != null) {
            f.close();
        }
    }

    private List<Domain> addVerified(int count) {
        List<Domain> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            all.add(f.add(String.format("c%03d", i), Mistake.NONE));
        }
        f.publish();
        return all;
    }

    /** Runs {@code action} once, on the scheduler's thread, when a pass stores its first batch; the latch opens after it. */
    private CountDownLatch onFirstBatch(Runnable action) {
        CountDownLatch done = new CountDownLatch(1);
        f.events.onBatch = batch -> {
            f.events.onBatch = b -> { };
            action.run();
            done.countDown();
        };
        return done;
    }

    @Test
    void cancelStopsTheRunAndTheRestWaitsItsNextTurn() throws Exception {
        f = new SchedulerFixture(dir, 5);
        List<Domain> all = addVerified(40);
        onFirstBatch(f.scheduler::cancel);
        f.tick();
        assertEquals(RunState.CANCELLED, f.scheduler.state());
        int checked = Set.copyOf(f.events.checkedDomains).size();
        assertTrue(checked > 0 && checked <= 10, "stopped within the chunk in flight: " + checked);
        long unchecked = all.stream().filter(d -> f.records(d).get(0).checkState() == CheckState.UNCHECKED).count();
        assertEquals(all.size() - checked, unchecked, "what was not reached is left as it was");

        f.events.clear();
        f.tick();
        assertTrue(f.events.checkedDomains.isEmpty(), "a cancelled run does not restart by itself at once");
        f.clock.advance(Duration.ofMinutes(1));
        f.tick();
        assertEquals(all.size() - checked, f.events.checkedDomains.size(), "the skipped ones come back on schedule");
        assertEquals(RunState.IDLE, f.scheduler.state());
    }

    @Test
    void pauseHoldsTheRunAndResumeFinishesItWithEachDomainCheckedOnce() throws Exception {
        f = new SchedulerFixture(dir, 5);
        List<Domain> all = addVerified(30);
        CountDownLatch paused = onFirstBatch(f.scheduler::pause);
        CompletableFuture<Void> pass = f.scheduler.tick();
        assertTrue(paused.await(30, TimeUnit.SECONDS));
        assertEquals(RunState.PAUSED, f.scheduler.state());
        assertFalse(f.scheduler.tick().isDone() && !pass.isDone(), "ticks while paused start nothing new");
        int atPause = f.events.checkedDomains.size();
        assertTrue(atPause < all.size());

        f.scheduler.resume();
        pass.get(60, TimeUnit.SECONDS);
        assertEquals(RunState.IDLE, f.scheduler.state());
        assertEquals(all.size(), f.events.checkedDomains.size(), "each domain stored once: " + f.events.checkedDomains);
        assertEquals(all.size(), Set.copyOf(f.events.checkedDomains).size());
        for (Domain d : all) {
            assertEquals(DomainStatus.VERIFIED, f.reload(d).status());
        }
    }

    @Test
    void aHoldStopsThePassWithoutPausingItAndKeepsAUserPauseMadeMeanwhile() throws Exception {
        f = new SchedulerFixture(dir, 5);
        List<Domain> all = addVerified(30);
        CountDownLatch held = onFirstBatch(f.scheduler::hold); // a check started from the window begins
        CompletableFuture<Void> pass = f.scheduler.tick();
        assertTrue(held.await(30, TimeUnit.SECONDS));
        assertEquals(RunState.RUNNING, f.scheduler.state(), "a hold is not the user's pause");
        assertFalse(pass.isDone(), "the pass waits for the release");
        assertTrue(f.events.checkedDomains.size() < all.size());

        f.scheduler.pause(); // the user pauses while the manual check runs
        f.scheduler.release(); // the manual check ends
        assertEquals(RunState.PAUSED, f.scheduler.state(), "releasing the hold keeps the user's pause");
        assertFalse(pass.isDone());

        f.scheduler.resume();
        pass.get(60, TimeUnit.SECONDS);
        assertEquals(RunState.IDLE, f.scheduler.state());
        assertEquals(all.size(), Set.copyOf(f.events.checkedDomains).size(), "every domain: " + f.events.checkedDomains);
        assertEquals(all.size(), f.events.checkedDomains.size(), "each stored once");
    }

    @Test
    void releasingTheHoldCarriesTheStoppedPassOn() throws Exception {
        f = new SchedulerFixture(dir, 5);
        List<Domain> all = addVerified(20);
        onFirstBatch(() -> {
            f.scheduler.hold();
            f.scheduler.release(); // at once, possibly before the stopped chunk has even ended
        });
        f.tick();
        assertEquals(RunState.IDLE, f.scheduler.state());
        assertEquals(all.size(), Set.copyOf(f.events.checkedDomains).size(), "none left behind by the stopped chunk");
        assertEquals(all.size(), f.events.checkedDomains.size());
    }

    @Test
    void offlineMarksNothingMissingBacksOffAndResumesWhenDnsAnswers() throws Exception {
        f = new SchedulerFixture(dir, 5);
        List<Domain> all = addVerified(6);
        f.tick();
        Instant due = f.records(all.get(0)).get(0).nextCheckAt();

        f.knot.close();
        f.clock.advance(Duration.ofHours(6));
        f.events.clear();
        f.tick();
        assertEquals(RunState.OFFLINE, f.scheduler.state());
        CheckEvent.Progress p = f.scheduler.progress();
        assertEquals(f.now().plus(Duration.ofMinutes(1)), p.retryAt());
        for (Domain d : all) {
            assertEquals(DomainStatus.VERIFIED, f.reload(d).status(), "a dead network proves nothing");
            for (DnsRecord r : f.records(d)) {
                assertTrue(r.isVerified());
                assertNotEquals(CheckState.MISSING, r.checkState());
                assertFalse(r.nextCheckAt().isAfter(f.now()), "still due, so it is checked as soon as DNS is back");
            }
        }
        assertTrue(f.events.regressed.isEmpty());

        f.events.clear();
        f.clock.advance(Duration.ofSeconds(30));
        f.tick();
        assertTrue(f.events.checkedDomains.isEmpty(), "no retry before the back-off has passed");
        f.clock.advance(Duration.ofSeconds(30));
        f.tick();
        assertEquals(RunState.OFFLINE, f.scheduler.state());
        assertEquals(f.now().plus(Duration.ofMinutes(2)), f.scheduler.progress().retryAt(), "the gap grows");

        try (KnotRestart back = KnotRestart.start(dir.resolve("knot"), f.knot.address(), SchedulerFixture.ZONE)) {
            f.clock.advance(Duration.ofMinutes(2));
            f.events.clear();
            f.tick();
            assertEquals(RunState.IDLE, f.scheduler.state());
            assertEquals(all.size(), Set.copyOf(f.events.checkedDomains).size(), "everything due was checked");
            for (Domain d : all) {
                for (DnsRecord r : f.records(d)) {
                    assertEquals(CheckState.VERIFIED, r.checkState());
                    assertEquals(f.now().plus(Duration.ofHours(6)), r.nextCheckAt());
                }
            }
        }
        assertTrue(due.isBefore(f.now()));
    }
}
