package dev.domaindesk.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.store.JdbcSettingsRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run of 200 domains against a server that never answers, with a window of 4 questions: 16 domains in progress
 * (CheckRunner's least), the rest waiting to start, none ending for seconds.
 */
class CheckRunCancelTest {
    @TempDir
    Path dir;
    private EngineFixture engine;
    private SilentUdpServer silent;
    private final List<Domain> domains = new ArrayList<>();
    private boolean storeClosed;

    @BeforeEach
    void twoHundredDomains() {
        engine = new EngineFixture(dir);
        silent = new SilentUdpServer();
        for (int i = 0; i < 200; i++) {
            domains.add(engine.domain("d" + i + ".example", "TXT", "_amazonses.d" + i + ".example", "token"));
        }
    }

    @AfterEach
    void stop() throws Exception {
        silent.close();
        if (!storeClosed) {
            engine.close();
        }
    }

    private CheckOptions windowOfFour() {
        return new CheckOptions(List.of(silent.address()), false, Duration.ofSeconds(2), 4);
    }

    private List<String> ids() {
        return domains.stream().map(Domain::id).toList();
    }

    @Test
    void aCancelledRunEndsAndStoresNothingForTheDomainsItNeverStarted() throws Exception {
        CheckRun run = engine.service.start(ids(), windowOfFour(), CheckListener.NONE);
        run.cancel();
        CheckSummary summary = run.done().get(60, TimeUnit.SECONDS);
        assertTrue(summary.cancelled());
        assertEquals(0, summary.records(), "nothing had a verdict");
        for (Domain d : domains) {
            assertEquals(CheckState.UNCHECKED, engine.records(d).get(0).checkState(), d.name().ascii());
        }
    }

    /** A loader waiting for a place holds a connection: closing the service ends it, so the store really closes. */
    @Test
    void closingTheServiceEndsItsRunsSoTheStoreCloses() throws Exception {
        CheckRun run = engine.service.start(ids(), windowOfFour(), CheckListener.NONE);
        Thread.sleep(300); // the loader now waits for a place, its read open
        engine.service.close();
        assertTrue(run.done().isDone(), "the run ended");
        engine.database.close();
        storeClosed = true;
        assertFalse(Files.exists(dir.resolve("data").resolve("domaindesk.lock.db")), "H2 closed the store's file");
    }

    /** The run's records are read on a thread of its own, at most two windows of domains ahead (decision 0020). */
    @Test
    void theRecordsAreReadOnlyTwoWindowsAheadOfTheDomainsStarted() throws Exception {
        AtomicInteger read = new AtomicInteger();
        CheckService service = new CheckService(StreamedLoads.streaming(engine.repository,
                (id, records) -> read.incrementAndGet()), new JdbcSettingsRepository(engine.database), engine.clock, 53);

        CheckRun run = service.start(ids(), windowOfFour(), CheckListener.NONE);
        Thread.sleep(500); // the loader has long read what it may; the first timeout is seconds away
        int readAhead = read.get();
        run.cancel();
        CheckSummary summary = run.done().get(60, TimeUnit.SECONDS);

        assertTrue(readAhead > 16 && readAhead <= 16 + 2 * 16 + 1, "domains read with 16 started: " + readAhead);
        assertTrue(summary.cancelled());
        assertEquals(0, summary.records(), "nothing had an answer");
    }
}
