package dev.domaindesk.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainRepository;
import dev.domaindesk.store.JdbcSettingsRepository;
import dev.domaindesk.testing.KnotServer;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A check starts on the first domains while the rest of the records still load: a bulk check's first questions go
 * out at once instead of after the whole load (about a second for 90,000 records).
 */
class CheckWhileLoadingTest {

    @Test
    void theFirstDomainIsCheckedAndStoredBeforeTheOthersAreLoaded(@TempDir Path dir) throws Exception {
        try (KnotServer knot = KnotServer.start(dir.resolve("knot"), Map.of("a.test", "_amazonses TXT \"TOKEN-1\"",
                "b.test", "_amazonses TXT \"TOKEN-2\""));
             EngineFixture f = new EngineFixture(dir)) {
            Domain a = f.domain("a.test", "TXT", "_amazonses.a.test", "TOKEN-1");
            Domain b = f.domain("b.test", "TXT", "_amazonses.b.test", "TOKEN-2");
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
    }

    /** The store's own repository, but its streamed load stops after the first domain until that one is stored. */
    private static DomainRepository loadingThatWaitsAfterTheFirstDomain(DomainRepository real, CountDownLatch firstStored,
                                                                        List<String> handedOver) {
        return (DomainRepository) Proxy.newProxyInstance(DomainRepository.class.getClassLoader(),
                new Class<?>[] {DomainRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("recordsOf") && args.length == 2 && args[1] instanceof BiConsumer) {
                        @SuppressWarnings("unchecked")
                        BiConsumer<String, List<DnsRecord>> each = (BiConsumer<String, List<DnsRecord>>) args[1];
                        @SuppressWarnings("unchecked")
                        Map<String, List<DnsRecord>> all = real.recordsOf((Collection<String>) args[0]);
                        boolean first = true;
                        for (Map.Entry<String, List<DnsRecord>> e : all.entrySet()) {
                            if (!first) {
                                assertTrue(firstStored.await(20, TimeUnit.SECONDS), "the first domain was never stored");
                            }
                            handedOver.add(e.getKey());
                            each.accept(e.getKey(), e.getValue());
                            first = false;
                        }
                        return null;
                    }
                    if (method.getName().equals("checkSession")) {
                        return InvocationHandler.invokeDefault(proxy, method, args); // its reads come back here
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
