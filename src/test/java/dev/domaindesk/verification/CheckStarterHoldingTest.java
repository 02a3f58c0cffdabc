package dev.domaindesk.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainName;
import dev.domaindesk.domains.DomainStatus;
import dev.domaindesk.domains.Ids;
import dev.domaindesk.domains.RecordType;
import dev.domaindesk.store.Database;
import dev.domaindesk.store.JdbcDomainRepository;
import dev.domaindesk.store.JdbcSettingsRepository;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A check started from the window holds the background re-checker for exactly as long as it runs. */
class CheckStarterHoldingTest {
    @TempDir
    Path dir;

    @Test
    void theBackgroundIsHeldFromTheStartOfTheRunUntilItHasFinished() throws Exception {
        try (Database db = Database.open(dir); DatagramSocket closed = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            JdbcDomainRepository repository = new JdbcDomainRepository(db);
            Instant now = Instant.now();
            Domain d = new Domain(Ids.newDomainId(), DomainName.parse("held.example"), DomainStatus.PENDING, "test", now,
                    now, null, now, null, Domain.ServiceFields.NONE);
            repository.insert(d, List.of(DnsRecord.fromService(Ids.newRecordId(), d.id(), RecordType.TXT,
                    "_amazonses.held.example", "token", null, true, false, null, now, now)));
            InetSocketAddress silent = new InetSocketAddress(InetAddress.getLoopbackAddress(), closed.getLocalPort());
            closed.close(); // nothing listens there: the query fails at once
            CheckOptions options = new CheckOptions(List.of(silent), false, Duration.ofMillis(500), 10);

            List<String> calls = new CopyOnWriteArrayList<>();
            CountDownLatch finished = new CountDownLatch(1);
            CheckService service = new CheckService(repository, new JdbcSettingsRepository(db), Clock.systemUTC());
            CheckStarter held = CheckStarter.holding((ids, listener) -> service.start(ids, options, listener),
                    () -> calls.add("hold"), () -> calls.add("release"));
            held.start(List.of(d.id()), event -> {
                if (event instanceof CheckEvent.Progress) {
                    calls.add("progress");
                } else if (event instanceof CheckEvent.Stored) {
                    calls.add("stored");
                } else if (event instanceof CheckEvent.Finished) {
                    calls.add("finished");
                    finished.countDown();
                }
            });
            assertTrue(finished.await(30, TimeUnit.SECONDS));
            assertEquals("hold", calls.get(0), calls.toString());
            assertEquals(List.of("release", "finished"), calls.subList(calls.size() - 2, calls.size()), calls.toString());
            assertEquals(1, calls.stream().filter("hold"::equals).count());
            assertEquals(1, calls.stream().filter("release"::equals).count());
        }
    }
}
