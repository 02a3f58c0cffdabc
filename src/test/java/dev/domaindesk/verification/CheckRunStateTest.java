package dev.domaindesk.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.domains.Domain;
import dev.domaindesk.testing.KnotServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One check run's state and its one stream of events, as every caller hears them. */
class CheckRunStateTest {
    private static final String TOKEN = "TOKEN-1";

    @Test
    void aRunEndsWithOneFinishedAfterItsLastStoredBatchAndItsStateSaysHow(@TempDir Path dir) throws Exception {
        try (KnotServer knot = KnotServer.start(dir.resolve("knot"), Map.of("a.test", "_amazonses TXT \"" + TOKEN + "\""));
             EngineFixture f = new EngineFixture(dir)) {
            Domain a = f.domain("a.test", "TXT", "_amazonses.a.test", TOKEN);
            Heard events = new Heard();
            CheckRun run = f.service.start(List.of(a.id()), EngineFixture.via(knot.address()), events);
            CheckSummary summary = run.done().get(30, TimeUnit.SECONDS);
            CheckEvent last = events.last();

            assertEquals(RunState.IDLE, run.state(), "finished normally: nothing under way");
            CheckEvent.Finished finished = assertInstanceOf(CheckEvent.Finished.class, last);
            assertEquals(RunState.IDLE, finished.state());
            assertEquals(summary, finished.summary());
            assertEquals(1, events.stream().filter(CheckEvent.Finished.class::isInstance).count());
            assertInstanceOf(CheckEvent.Stored.class, events.get(events.size() - 2), "the last batch comes before the end");
            assertTrue(events.stream().anyMatch(e -> e instanceof CheckEvent.Progress p
                    && p.state() == RunState.RUNNING && p.done() == 1 && p.total() == 1), events.toString());
        }
    }

    @Test
    void noDnsServerAnsweringEndsOfflineAndACancelledRunCancelled(@TempDir Path dir) throws Exception {
        try (EngineFixture f = new EngineFixture(dir); SilentUdpServer silent = new SilentUdpServer()) {
            Domain a = f.domain("a.example", "TXT", "_amazonses.a.example", TOKEN);
            CheckOptions options = EngineFixture.via(silent.address()).withTimeout(Duration.ofMillis(200));
            Heard events = new Heard();
            CheckRun offline = f.service.start(List.of(a.id()), options, events);
            assertEquals(RunState.RUNNING, offline.state());
            offline.done().get(60, TimeUnit.SECONDS);
            assertEquals(RunState.OFFLINE, offline.state());
            assertTrue(((CheckEvent.Finished) events.last()).offline());

            CheckRun cancelled = f.service.start(List.of(a.id()), EngineFixture.via(silent.address()), CheckListener.NONE);
            cancelled.cancel();
            cancelled.done().get(60, TimeUnit.SECONDS);
            assertEquals(RunState.CANCELLED, cancelled.state());
        }
    }

    /** The events in order; Finished comes on the writer's thread just after done() completes. */
    private static final class Heard extends CopyOnWriteArrayList<CheckEvent> implements CheckListener {
        private final CountDownLatch finished = new CountDownLatch(1);

        @Override
        public void on(CheckEvent event) {
            add(event);
            if (event instanceof CheckEvent.Finished) {
                finished.countDown();
            }
        }

        CheckEvent last() throws InterruptedException {
            assertTrue(finished.await(30, TimeUnit.SECONDS), "the run ends with Finished: " + this);
            return get(size() - 1);
        }
    }
}
