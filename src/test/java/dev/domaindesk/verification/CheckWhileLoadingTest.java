package dev.domaindesk.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainRepository;
import dev.domaindesk.store.JdbcSettingsRepository;
import dev.domaindesk.store.StoreException;
import dev.domaindesk.testing.KnotServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A check starts on the first domains while the rest of the records still load, on a thread of the run's own: a bulk
 * check's first questions go out at once instead of after the whole load (about a second for 90,000 records), and a
 * failed load ends the run with its failure once what had started is stored.
 */
class CheckWhileLoadingTest {
    @TempDir
    Path dir;
    private KnotServer knot;
    private EngineFixture f;
    private Domain a;
    private Domain b;

    @BeforeEach
    void twoDomains() {
        knot = KnotServer.start(dir.resolve("knot"), Map.of("a.test", "_amazonses TXT \"TOKEN-1\"",
                "b.test", "_amazonses TXT \"TOKEN-2\""));
        f = new EngineFixture(dir);
        a = f.domain("a.test", "TXT", "_amazonses.a.test", "TOKEN-1");
        b = f.domain("b.test", "TXT", "_amazonses.b.test", "TOKEN-2");
    }

    @AfterEach
    void stop() throws Exception {
        f.close();
        knot.close();
    }

    @Test
    void theFirstDomainIsCheckedAndStoredBeforeTheOthersAreLoaded() throws Exception {
        CountDownLatch firstStored = new CountDownLatch(1);
        List<String> storedDomains = new CopyOnWriteArrayList<>();
        List<Integer> totals = new CopyOnWriteArrayList<>();
        List<String> handedOver = new CopyOnWriteArrayList<>();
        DomainRepository slowLoad = loadingThatWaitsAfterTheFirstDomain(f.repository, firstStored, handedOver);
        CheckService service = new CheckService(slowLoad, new JdbcSettingsRepository(f.database), f.clock, 53);

        CheckSummary summary = service.start(List.of(a.id(), b.id()), EngineFixture.via(knot.address()), event -> {
            if (event instanceof CheckEvent.Stored stored) {
                stored.domains().forEach(d -> storedDomains.add(d.id()));
                firstStored.countDown();
            } else if (event instanceof CheckEvent.Progress p) {
                totals.add(p.total());
            }
        }).done().get(30, TimeUnit.SECONDS);

        assertEquals(2, summary.verified(), "both domains checked and stored");
        assertEquals(2, handedOver.size());
        assertEquals(handedOver, storedDomains, "the first was stored while the second loaded");
        assertEquals(List.of(1, 2), totals, "the progress total counts the records loaded so far");
    }

    @Test
    void aFailedReadEndsTheRunWithItsFailureOnceTheDomainsStartedAreStored() throws Exception {
        CountDownLatch firstStored = new CountDownLatch(1);
        List<String> handedOver = new CopyOnWriteArrayList<>();
        DomainRepository failing = StreamedLoads.streaming(f.repository, (id, records) -> {
            handedOver.add(id);
            if (handedOver.size() == 2) {
                await(firstStored);
                throw new StoreException("the store went away", null);
            }
        });
        CheckService service = new CheckService(failing, new JdbcSettingsRepository(f.database), f.clock, 53);

        CheckRun run = service.start(List.of(a.id(), b.id()), EngineFixture.via(knot.address()), event -> {
            if (event instanceof CheckEvent.Stored) {
                firstStored.countDown();
            }
        });
        ExecutionException failed = assertThrows(ExecutionException.class, () -> run.done().get(30, TimeUnit.SECONDS));

        assertInstanceOf(StoreException.class, failed.getCause());
        assertEquals(RunState.FAILED, run.state());
        Domain first = handedOver.get(0).equals(a.id()) ? a : b;
        Domain second = first == a ? b : a;
        assertEquals(CheckState.VERIFIED, f.records(first).get(0).checkState(), "the domain started was stored");
        assertEquals(CheckState.UNCHECKED, f.records(second).get(0).checkState(), "the one not read is unchecked");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(20, TimeUnit.SECONDS), "the first domain was never stored");
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** The store's own repository, but its streamed load stops after the first domain until that one is stored. */
    private static DomainRepository loadingThatWaitsAfterTheFirstDomain(DomainRepository real, CountDownLatch firstStored,
                                                                        List<String> handedOver) {
        return StreamedLoads.streaming(real, (id, records) -> {
            if (!handedOver.isEmpty()) {
                await(firstStored);
            }
            handedOver.add(id);
        });
    }
}
