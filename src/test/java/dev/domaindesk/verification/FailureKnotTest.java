package dev.domaindesk.verification;

import static dev.domaindesk.verification.Expect.verdict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainStatus;
import dev.domaindesk.testing.KnotServer;
import dev.domaindesk.testing.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DNS failures never count as missing; verified records survive them; regressions and the 72 h rule. */
class FailureKnotTest {
    private static final String TOKEN = "TOKEN-1";

    @Test
    void servfailAndRefusedAreDnsErrorsNotMissing(@TempDir Path dir) {
        try (KnotServer knot = KnotServer.start(dir.resolve("knot"), Map.of("fine.test", "_amazonses TXT \"TOKEN-1\""));
             EngineFixture f = new EngineFixture(dir)) {
            knot.rawZone("broken.test", "$ORIGIN broken.test.\n@ SOA ns1 h 1 2 3 4 5\n_amazonses TXT \"unterminated\n", false);
            Domain broken = f.domain("broken.test", "TXT", "_amazonses.broken.test", TOKEN);
            Domain elsewhere = f.domain("not-served.test", "TXT", "_amazonses.not-served.test", TOKEN);
            CheckSummary summary = f.check(EngineFixture.via(knot.address()), broken, elsewhere);

            verdict(f.record(broken, "_amazonses.broken.test"), CheckState.DNS_ERROR, "DNS_SERVFAIL");
            verdict(f.record(elsewhere, "_amazonses.not-served.test"), CheckState.DNS_ERROR, "DNS_REFUSED");
            assertEquals(2, summary.dnsErrors());
            assertFalse(summary.offline(), "the server answered, so the machine is not offline");
        }
    }

    @Test
    void aVerifiedRecordStaysVerifiedThroughATimeout(@TempDir Path dir) {
        try (KnotServer knot = KnotServer.start(dir.resolve("knot"), Map.of("ok.test", "_amazonses TXT \"TOKEN-1\""));
             SilentUdpServer silent = new SilentUdpServer();
             EngineFixture f = new EngineFixture(dir)) {
            Domain d = f.domain("ok.test", "TXT", "_amazonses.ok.test", TOKEN);
            f.check(EngineFixture.via(knot.address()), d);
            verdict(f.record(d, "_amazonses.ok.test"), CheckState.VERIFIED);

            CheckSummary summary = f.check(EngineFixture.via(silent.address()), d);
            DnsRecord after = f.record(d, "_amazonses.ok.test");
            verdict(after, CheckState.DNS_ERROR, "DNS_TIMEOUT");
            assertTrue(after.isVerified(), "a timeout proves nothing: the record stays verified");
            assertFalse(after.regressed());
            assertEquals(DomainStatus.VERIFIED, f.reload(d).status());
            assertTrue(summary.offline(), "every query timed out");
            assertEquals(1, summary.dnsErrors());
        }
    }

    @Test
    void aLostRecordRegressesAndTheDomainFailsAfter72Hours(@TempDir Path dir) {
        TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
        try (KnotServer knot = KnotServer.start(dir.resolve("knot"), Map.of("lost.test", "_amazonses TXT \"TOKEN-1\""));
             EngineFixture f = new EngineFixture(dir, clock, 53)) {
            Domain d = f.domain("lost.test", "TXT", "_amazonses.lost.test", TOKEN);
            f.check(EngineFixture.via(knot.address()), d);
            assertEquals(DomainStatus.VERIFIED, f.reload(d).status());
            assertNull(f.reload(d).pendingSince());

            knot.zone("lost.test", "");
            clock.advance(Duration.ofHours(1));
            f.check(EngineFixture.via(knot.address()), d);
            DnsRecord lost = f.record(d, "_amazonses.lost.test");
            verdict(lost, CheckState.MISSING, "NXDOMAIN");
            assertTrue(lost.regressed(), "a verified record that disappears is marked as regressed");
            Domain pending = f.reload(d);
            assertEquals(DomainStatus.PENDING, pending.status());
            assertEquals(clock.instant(), pending.pendingSince());

            clock.advance(Duration.ofHours(72).plusMinutes(1));
            f.check(EngineFixture.via(knot.address()), d);
            assertEquals(DomainStatus.FAILED, f.reload(d).status());

            knot.zone("lost.test", "_amazonses TXT \"TOKEN-1\"");
            f.check(EngineFixture.via(knot.address()), d);
            assertFalse(f.record(d, "_amazonses.lost.test").regressed());
            assertEquals(DomainStatus.VERIFIED, f.reload(d).status());
        }
    }

    @Test
    void progressAndStoredBatchesAreReported(@TempDir Path dir) throws Exception {
        try (KnotServer knot = KnotServer.start(dir.resolve("knot"), Map.of("a.test", "_amazonses TXT \"TOKEN-1\""));
             EngineFixture f = new EngineFixture(dir)) {
            Domain a = f.domain("a.test", "TXT", "_amazonses.a.test", TOKEN, "TXT", "a.test", "v=spf1 -all");
            Domain b = f.domain("b.a.test", "TXT", "_amazonses.b.a.test", TOKEN);
            List<int[]> progress = new CopyOnWriteArrayList<>();
            List<DnsRecord> stored = new CopyOnWriteArrayList<>();
            CheckListener listener = event -> {
                if (event instanceof CheckEvent.Progress p) {
                    progress.add(new int[] {p.done(), p.total()});
                } else if (event instanceof CheckEvent.Stored batch) {
                    stored.addAll(batch.records());
                }
            };
            CheckSummary summary = f.service.start(List.of(a.id(), b.id()), EngineFixture.via(knot.address()), listener)
                    .done().get(30, TimeUnit.SECONDS);
            assertEquals(3, progress.size());
            assertTrue(progress.stream().anyMatch(p -> p[0] == 3 && p[1] == 3));
            assertEquals(3, stored.size());
            assertEquals(3, summary.records());
            assertEquals(1, summary.verified());
        }
    }

    @Test
    void aCancelledRunStoresNothingUnfinished(@TempDir Path dir) throws Exception {
        try (SilentUdpServer silent = new SilentUdpServer(); EngineFixture f = new EngineFixture(dir)) {
            Domain d = f.domain("slow.test", "TXT", "_amazonses.slow.test", TOKEN);
            CheckRun run = f.service.start(List.of(d.id()), EngineFixture.via(silent.address()).withMaxInFlight(1),
                    CheckListener.NONE);
            run.cancel();
            CheckSummary summary = run.done().get(30, TimeUnit.SECONDS);
            assertTrue(summary.cancelled());
            assertEquals(CheckState.UNCHECKED, f.record(d, "_amazonses.slow.test").checkState());
        }
    }
}
