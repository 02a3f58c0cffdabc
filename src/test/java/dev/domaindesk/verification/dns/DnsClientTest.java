package dev.domaindesk.verification.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.testing.KnotServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

class DnsClientTest {

    @Test
    void identicalQuestionsAreAskedOnceAndAnswersMapOutcomes(@TempDir Path dir) throws Exception {
        try (KnotServer knot = KnotServer.start(dir, Map.of("c.test", "a TXT \"x\"\nonlya A 192.0.2.1"))) {
            DnsClient client = new DnsClient(List.of(knot.address()), Duration.ofSeconds(2), 10);
            CompletableFuture<DnsAnswer> first = client.ask(Name.fromString("a.c.test."), Type.TXT);
            assertSame(first, client.ask(Name.fromString("A.C.TEST."), Type.TXT), "same question, same answer");
            assertEquals(DnsAnswer.Outcome.DATA, first.get(5, TimeUnit.SECONDS).outcome());
            assertEquals(DnsAnswer.Outcome.NODATA, client.ask(Name.fromString("onlya.c.test."), Type.TXT).get().outcome());
            DnsAnswer nx = client.ask(Name.fromString("none.c.test."), Type.TXT).get();
            assertEquals(DnsAnswer.Outcome.NXDOMAIN, nx.outcome());
            assertEquals(KnotServer.SOA_MINIMUM, nx.negativeTtl());
            assertEquals(DnsAnswer.Outcome.REFUSED, client.ask(Name.fromString("other.test."), Type.TXT).get().outcome());
            assertEquals(4, client.answered());
        }
    }

    @Test
    void onlyTheMostRecentAnswersAreRememberedSoALongRunDoesNotKeepThemAll(@TempDir Path dir) throws Exception {
        try (KnotServer knot = KnotServer.start(dir, Map.of("r.test", "*.r.test. TXT \"x\""))) {
            DnsClient client = new DnsClient(List.of(knot.address()), Duration.ofSeconds(2), 10, 2);
            CompletableFuture<DnsAnswer> first = client.ask(name("a.r.test."), Type.TXT);
            first.get(5, TimeUnit.SECONDS);
            client.ask(name("b.r.test."), Type.TXT).get(5, TimeUnit.SECONDS);
            CompletableFuture<DnsAnswer> third = client.ask(name("c.r.test."), Type.TXT);
            third.get(5, TimeUnit.SECONDS);
            assertSame(third, client.ask(name("c.r.test."), Type.TXT), "a recent answer is reused");
            assertEquals(3, client.answered());
            CompletableFuture<DnsAnswer> again = client.ask(name("a.r.test."), Type.TXT);
            assertEquals(DnsAnswer.Outcome.DATA, again.get(5, TimeUnit.SECONDS).outcome());
            assertNotSame(first, again, "the oldest answer was forgotten, so the question is asked again");
            assertEquals(4, client.answered());
        }
    }

    @Test
    void theWindowBoundsQuestionsInFlightAndAllAreAnswered(@TempDir Path dir) throws Exception {
        try (KnotServer knot = KnotServer.start(dir, Map.of("w.test", "*.w.test. TXT \"x\""))) {
            DnsClient client = new DnsClient(List.of(knot.address()), Duration.ofSeconds(2), 3);
            List<CompletableFuture<DnsAnswer>> answers = IntStream.range(0, 500)
                    .mapToObj(i -> client.ask(name("n" + i + ".w.test."), Type.TXT)).toList();
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            assertTrue(answers.stream().allMatch(a -> a.join().outcome() == DnsAnswer.Outcome.DATA));
            assertEquals(500, client.answered());
            assertEquals(3, client.maxInFlightSeen(), "never more than the window in flight");
        }
    }

    private static Name name(String text) {
        try {
            return Name.fromString(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
