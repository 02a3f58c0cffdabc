package dev.domaindesk.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.bench.BenchZone.Mistake;
import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schedule itself, against real Knot and a real H2 store, on a clock the test moves. */
class RecheckSchedulerTest {
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
    void pendingRecordsBackOffThenVerifiedOnesWaitTheCadence() throws Exception {
        f = new SchedulerFixture(dir, 50);
        Domain d = f.add("backoff", Mistake.NOTHING_PUBLISHED);
        f.publish();

        f.tick();
        assertEquals(DomainStatus.PENDING, f.reload(d).status());
        assertTrue(f.records(d).stream().allMatch(r -> r.checkState() == CheckState.MISSING));
        assertEquals(Set.of(f.now().plus(Duration.ofMinutes(1))), Set.copyOf(f.nextChecks(d)));

        f.events.clear();
        f.clock.advance(Duration.ofSeconds(59));
        f.tick();
        assertTrue(f.events.checkedDomains.isEmpty(), "not due yet: nothing checked");

        f.clock.advance(Duration.ofSeconds(1));
        f.tick();
        assertEquals(List.of(d.id()), f.events.checkedDomains);
        assertEquals(Set.of(f.now().plus(Duration.ofMinutes(2))), Set.copyOf(f.nextChecks(d)), "second step: 2 min");

        f.setDns(d, Mistake.NONE);
        f.publish();
        f.clock.advance(Duration.ofMinutes(2));
        f.tick();
        assertEquals(DomainStatus.VERIFIED, f.reload(d).status());
        assertEquals(List.of(d.id()), f.events.verified, "one 'became verified' event");
        Instant verifiedAt = f.now();
        assertEquals(Set.of(verifiedAt.plus(Duration.ofHours(6))), Set.copyOf(f.nextChecks(d)), "verified: every 6 h");

        f.events.clear();
        f.clock.advance(Duration.ofHours(5).plusMinutes(59));
        f.tick();
        assertTrue(f.events.checkedDomains.isEmpty());
        f.clock.advance(Duration.ofMinutes(1));
        f.tick();
        assertEquals(List.of(d.id()), f.events.checkedDomains);
        assertTrue(f.events.verified.isEmpty(), "still verified is not news");
    }

    @Test
    void aDomainPendingPastTheWindowIsCheckedDaily() throws Exception {
        f = new SchedulerFixture(dir, 50);
        Domain d = f.add("late", Mistake.WRONG_MX_HOST);
        f.publish();
        f.tick();
        f.clock.advance(Duration.ofHours(73));
        f.tick();
        assertEquals(DomainStatus.FAILED, f.reload(d).status());
        assertEquals(Set.of(f.now().plus(Duration.ofDays(1))), Set.copyOf(f.nextChecks(d)));
    }

    @Test
    void aRestartResumesTheStoredScheduleAndChecksNothingTwice() throws Exception {
        f = new SchedulerFixture(dir, 50);
        Domain ok = f.add("steady", Mistake.NONE);
        Domain wrong = f.add("wrong", Mistake.WRONG_SES_TOKEN);
        f.publish();
        f.tick();
        List<Instant> before = f.nextChecks(ok);

        f.closeApp();
        f.open();
        f.tick();
        assertTrue(f.events.checkedDomains.size() == 2, "only the first run checked anything");
        assertEquals(before, f.nextChecks(ok), "the schedule came back from the store");

        f.events.clear();
        f.clock.advance(Duration.ofMinutes(1));
        f.tick();
        assertEquals(List.of(wrong.id()), f.events.checkedDomains, "the pending domain was due, the verified one not");
    }

    @Test
    void checkNowJumpsTheQueue() throws Exception {
        f = new SchedulerFixture(dir, 5);
        List<Domain> all = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            all.add(f.add(String.format("q%02d", i), Mistake.NONE));
        }
        f.publish();
        // the domain the schedule would reach last (due domains go in id order when all are equally due); the one
        // added last has a random id and was in the first chunk one run in six, then rightly checked twice
        Domain last = all.stream().max(java.util.Comparator.comparing(Domain::id)).orElseThrow();
        f.events.onBatch = batch -> {
            f.events.onBatch = b -> { };
            f.scheduler.checkNow(List.of(last.id()));
        };
        f.tick();
        int position = f.events.checkedDomains.indexOf(last.id());
        assertTrue(position >= 0 && position < 10, "checked within the next chunk, at " + position);
        assertEquals(30, f.events.checkedDomains.size(), "every domain once: " + f.events.checkedDomains);
        assertEquals(30, Set.copyOf(f.events.checkedDomains).size());

        f.events.clear();
        f.scheduler.checkNow(List.of(all.get(3).id())).get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(List.of(all.get(3).id()), f.events.checkedDomains, "a domain not due is checked on demand");

        f.events.clear();
        f.scheduler.checkAllNow().get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(30, Set.copyOf(f.events.checkedDomains).size(), "check all: every domain, none due");
        assertEquals(30, f.events.checkedDomains.size());
    }

    @Test
    void aVerifiedRecordThatDisappearsRaisesARegressionEvent() throws Exception {
        f = new SchedulerFixture(dir, 50);
        Domain d = f.add("regress", Mistake.NONE);
        Domain other = f.add("fine", Mistake.NONE);
        f.publish();
        f.tick();
        assertEquals(DomainStatus.VERIFIED, f.reload(d).status());

        f.setDns(d, Mistake.MAIL_FROM_MX_MISSING);
        f.publish();
        f.events.clear();
        f.clock.advance(Duration.ofHours(6));
        f.tick();
        DnsRecord lost = f.records(d).stream().filter(r -> r.name().startsWith("mail.")
                && r.recordType() == dev.domaindesk.domains.RecordType.MX).findFirst().orElseThrow();
        assertEquals(List.of(lost.id()), f.events.regressed);
        assertTrue(f.records(d).stream().filter(r -> r.id().equals(lost.id())).allMatch(DnsRecord::regressed));
        assertEquals(DomainStatus.PENDING, f.reload(d).status());
        assertEquals(DomainStatus.VERIFIED, f.reload(other).status());
        assertEquals(Set.of(f.now().plus(Duration.ofMinutes(1))),
                f.records(d).stream().filter(r -> !r.isVerified()).map(DnsRecord::nextCheckAt).collect(Collectors.toSet()),
                "the lost record goes back on the pending ladder");
    }

    @Test
    void aDomainRemovedDuringARunIsDroppedWithoutError() throws Exception {
        f = new SchedulerFixture(dir, 5);
        List<Domain> all = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            all.add(f.add(String.format("r%02d", i), Mistake.NONE));
        }
        f.publish();
        List<Domain> doomed = new java.util.concurrent.CopyOnWriteArrayList<>();
        f.events.onBatch = batch -> {
            f.events.onBatch = b -> { };
            Set<String> done = batch.stream().map(Domain::id).collect(Collectors.toSet());
            List<Domain> waiting = all.stream().filter(d -> !done.contains(d.id())).toList();
            for (int i = 0; i < waiting.size(); i += 2) {
                f.domains.remove(waiting.get(i).id()); // some are being checked right now, some wait their chunk
                doomed.add(waiting.get(i));
            }
        };
        f.tick();
        assertEquals(RunState.IDLE, f.scheduler.state());
        assertTrue(doomed.size() >= 5, "removed " + doomed.size());
        Set<String> doomedIds = doomed.stream().map(Domain::id).collect(Collectors.toSet());
        for (Domain d : all) {
            if (doomedIds.contains(d.id())) {
                assertTrue(f.repository.findById(d.id()).isEmpty());
                assertTrue(f.records(d).isEmpty());
            } else {
                assertEquals(DomainStatus.VERIFIED, f.reload(d).status(), d.name().ascii());
            }
        }
        assertEquals(all.size() - doomed.size(), f.repository.findAll().size());
        assertEquals(0, f.store.countDue(f.now()), "nothing left due");
    }
}
