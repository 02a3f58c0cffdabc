package dev.domaindesk.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.domains.CheckState;
import dev.domaindesk.testing.KnotServer;
import dev.domaindesk.verification.rules.Evaluation;
import dev.domaindesk.verification.dns.DnsClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * check_host results shared across domains within a run (RFC 7208) against a real Knot: a record whose evaluation
 * cannot depend on the domain runs jSPF once for all domains publishing it, with each domain's result exactly what
 * its own evaluation gives; records that can depend on it (a, mx, ptr without a domain-spec, macros, also inside an
 * include, a domain included by its own name) are evaluated per domain.
 */
class SpfSharingKnotTest {
    private static final String ONE = "one.share.test";
    private static final String TWO = "two.share.test";
    /** Inside amazonses.test's range (ip4:198.51.100.0/24). */
    private static final String SENDER = "198.51.100.7";
    private static final String EXPECTED = "v=spf1 include:amazonses.test ~all";

    @TempDir
    static Path dir;
    static KnotServer knot;
    static ExecutorService spfThreads;

    @BeforeAll
    static void start() {
        knot = KnotServer.start(dir.resolve("knot"), Map.of(
                "amazonses.test", "@ TXT \"v=spf1 ip4:198.51.100.0/24 -all\"",
                "share.test", """
                        one A 192.0.2.1
                        one TXT "v=spf1 ip4:198.51.100.0/24 -all"
                        two MX 10 mail.two
                        mail.two A 192.0.2.1
                        one.share.test.allow A 127.0.0.2
                        macro TXT "v=spf1 exists:%{o}.allow.share.test -all"
                        plainish TXT "v=spf1 a -all"
                        """,
                "2.0.192.in-addr.arpa", "1 PTR one.share.test."));
        spfThreads = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        spfThreads.shutdownNow();
        spfThreads.awaitTermination(5, TimeUnit.SECONDS);
        knot.close();
    }

    private static SpfLookups lookups() {
        return new SpfLookups(new DnsClient(List.of(knot.address()), Duration.ofSeconds(2), 10)::ask, spfThreads);
    }

    /** Each domain's result from a run of its own (a fresh run: nothing shared with another domain). */
    private static SpfLookups.Result own(String ip, String domain, String record) {
        return lookups().evaluate(ip, domain, List.of(record)).join();
    }

    /** Sections 4.6, 5.2: ip4 and include of a fixed name read nothing of the domain, so one evaluation serves all. */
    @Test
    void aDomainIndependentRecordRunsJspfOnceAndGivesEachDomainItsOwnResult() {
        String record = "v=spf1 include:amazonses.test ~all";
        for (String ip : List.of(SENDER, SpfLookups.PROBE_IP)) {
            SpfLookups run = lookups();
            SpfLookups.Result one = run.evaluate(ip, ONE, List.of(record)).join();
            SpfLookups.Result two = run.evaluate(ip, TWO, List.of(record, "other text")).join();
            assertEquals(1, run.evaluations(), "one jSPF evaluation for both domains");
            assertEquals(own(ip, ONE, record), one);
            assertEquals(own(ip, TWO, record), two);
            assertEquals("", two.detail(), "only an error's detail is shown, so only an error's is built");
        }
        assertEquals("pass", own(SENDER, TWO, record).outcome());
        assertEquals("softfail", own(SpfLookups.PROBE_IP, TWO, record).outcome());
    }

    /** Section 4.6: an unknown mechanism is a permerror; the shared error's detail is built for each domain. */
    @Test
    void aSharedErrorNamesEachDomainInItsDetail() {
        String record = "v=spf1 include:amazonses.test nonsense ~all";
        SpfLookups run = lookups();
        SpfLookups.Result one = run.evaluate(SENDER, ONE, List.of(record)).join();
        SpfLookups.Result two = run.evaluate(SENDER, TWO, List.of(record)).join();
        assertEquals(1, run.evaluations(), "one jSPF evaluation for both domains");
        assertEquals("permerror", two.outcome());
        assertEquals(own(SENDER, TWO, record), two);
        assertTrue(one.detail().contains("envelope-from=postmaster@" + ONE), one.detail());
        assertTrue(two.detail().contains("envelope-from=postmaster@" + TWO), two.detail());
    }

    /** Section 6.1: redirect= moves the current domain; the shared result names the same one as an own evaluation. */
    @Test
    void aRedirectIsSharedWithTheDomainItEndsOn() {
        String record = "v=spf1 redirect=amazonses.test";
        SpfLookups run = lookups();
        run.evaluate(SpfLookups.PROBE_IP, ONE, List.of(record)).join();
        SpfLookups.Result two = run.evaluate(SpfLookups.PROBE_IP, TWO, List.of(record)).join();
        assertEquals(1, run.evaluations());
        assertEquals(own(SpfLookups.PROBE_IP, TWO, record), two);
        assertEquals("fail", two.outcome());
    }

    /** Sections 5.3 (a), 5.4 (mx), 5.5 (ptr) without a domain-spec and 7 (macros) depend on the domain. */
    @Test
    void aMxPtrAndMacrosAreEvaluatedPerDomain() {
        for (String record : List.of("v=spf1 a ~all", "v=spf1 mx ~all", "v=spf1 ptr ~all",
                "v=spf1 exists:%{d}.allow.share.test ~all")) {
            SpfLookups run = lookups();
            SpfLookups.Result one = run.evaluate(SpfLookups.PROBE_IP, ONE, List.of(record)).join();
            SpfLookups.Result two = run.evaluate(SpfLookups.PROBE_IP, TWO, List.of(record)).join();
            assertEquals(2, run.evaluations(), record);
            assertEquals(own(SpfLookups.PROBE_IP, ONE, record), one, record);
            assertEquals(own(SpfLookups.PROBE_IP, TWO, record), two, record);
        }
        // the domains differ where the record looks at them: one.share.test has the address, two.share.test an MX
        assertEquals("pass", own(SpfLookups.PROBE_IP, ONE, "v=spf1 a ~all").outcome());
        assertEquals("softfail", own(SpfLookups.PROBE_IP, TWO, "v=spf1 a ~all").outcome());
        assertEquals("pass", own(SpfLookups.PROBE_IP, TWO, "v=spf1 mx ~all").outcome());
        assertEquals("pass", own(SpfLookups.PROBE_IP, ONE, "v=spf1 ptr ~all").outcome());
        assertEquals("softfail", own(SpfLookups.PROBE_IP, TWO, "v=spf1 ptr ~all").outcome());
        assertEquals("pass", own(SpfLookups.PROBE_IP, ONE, "v=spf1 exists:%{d}.allow.share.test ~all").outcome());
    }

    /**
     * Section 7.3: %{o} inside an included record still names the original sender's domain, so an include whose
     * target uses a macro (or a bare a, section 5.3) is evaluated per domain, whichever domain comes first.
     */
    @Test
    void anIncludeWhoseTargetDependsOnTheDomainIsEvaluatedPerDomain() {
        String record = "v=spf1 include:macro.share.test ~all";
        for (List<String> order : List.of(List.of(ONE, TWO), List.of(TWO, ONE))) {
            SpfLookups run = lookups();
            for (String domain : order) {
                assertEquals(own(SpfLookups.PROBE_IP, domain, record),
                        run.evaluate(SpfLookups.PROBE_IP, domain, List.of(record)).join(), domain);
            }
            assertEquals(2, run.evaluations());
        }
        assertEquals("pass", own(SpfLookups.PROBE_IP, ONE, record).outcome());
        assertEquals("softfail", own(SpfLookups.PROBE_IP, TWO, record).outcome());
        SpfLookups run = lookups();
        run.evaluate(SpfLookups.PROBE_IP, ONE, List.of("v=spf1 include:plainish.share.test ~all")).join();
        run.evaluate(SpfLookups.PROBE_IP, TWO, List.of("v=spf1 include:plainish.share.test ~all")).join();
        assertEquals(2, run.evaluations(), "a bare 'a' in an included record");
    }

    /**
     * Section 5.2: a record including the domain's own name reads the domain's record as served (the one judged),
     * while another domain reads it from DNS: never shared, whichever domain comes first.
     */
    @Test
    void aRecordIncludingTheDomainItselfIsEvaluatedPerDomain() {
        String record = "v=spf1 include:" + ONE + " ~all";
        for (List<String> order : List.of(List.of(ONE, TWO), List.of(TWO, ONE))) {
            SpfLookups run = lookups();
            for (String domain : order) {
                assertEquals(own(SENDER, domain, record), run.evaluate(SENDER, domain, List.of(record)).join(), domain);
            }
            assertEquals(2, run.evaluations());
        }
        assertNotEquals(own(SENDER, ONE, record).outcome(), own(SENDER, TWO, record).outcome());
    }

    private static Evaluation ownJudgement(String domain, String found) {
        return new SpfCheck(lookups()).judge(domain, EXPECTED, List.of(found)).join();
    }

    /**
     * The walk from a found record and the sender's include are read once per run for every domain publishing the
     * record, each domain's verdict its own; a record reaching the domain's own name is walked for that domain
     * (RFC 7208 section 5.2: an include of a name without an SPF record is a permerror; a record including itself
     * exceeds section 4.6.4's 10 DNS-querying terms).
     */
    @Test
    void judgementsOfOneRecordForSeveralDomainsAreEachDomainsOwn() {
        for (String found : List.of(EXPECTED, "v=spf1 include:" + TWO + " include:amazonses.test ~all",
                "v=spf1 a include:amazonses.test ~all")) {
            for (List<String> order : List.of(List.of(ONE, TWO), List.of(TWO, ONE))) {
                SpfCheck check = new SpfCheck(lookups());
                for (String domain : order) {
                    assertEquals(ownJudgement(domain, found), check.judge(domain, EXPECTED, List.of(found)).join(),
                            found + " for " + domain);
                }
            }
        }
        assertEquals(CheckState.VERIFIED, ownJudgement(TWO, EXPECTED).state());
        String includesTwo = "v=spf1 include:" + TWO + " include:amazonses.test ~all";
        assertEquals("SPF_INCLUDE_NO_SPF", ownJudgement(ONE, includesTwo).diagnoses().get(0).code(),
                "two.share.test publishes no SPF record");
        assertEquals("SPF_TOO_MANY_LOOKUPS", ownJudgement(TWO, includesTwo).diagnoses().get(0).code(),
                "two.share.test's record, as judged, includes itself");
    }

    /** The conservative test itself: what counts as possibly depending on the domain. */
    @Test
    void whatMayDependOnTheDomain() {
        for (String dependent : List.of("v=spf1 a -all", "v=spf1 +a/24 -all", "v=spf1 -mx -all", "v=spf1 ?ptr -all",
                "v=spf1 a: -all", "v=spf1 a:/24 -all", "v=spf1 ip4:192.0.2.1 exp=why.example.com -all",
                "v=spf1 include:%{d2}.example.com -all", "v=spf1 include:caf\u00e9.example -all", "v=spf1\tA -all")) {
            assertTrue(SpfSharing.mayDependOnDomain(dependent), dependent);
        }
        for (String independent : List.of("v=spf1 include:amazonses.com ~all", "v=spf1 a:mail.example.com/24 -all",
                "v=spf1 mx:example.com ptr:example.com exists:x.example.com redirect=_spf.example.com",
                "v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32 -all", "v=spf1 amazon:x -all")) {
            assertFalse(SpfSharing.mayDependOnDomain(independent), independent);
        }
        assertTrue(SpfSharing.plainName("mail.example.com"));
        assertFalse(SpfSharing.plainName("localhost"), "RFC 7208 4.3: not an FQDN");
        assertFalse(SpfSharing.plainName("x".repeat(64) + ".example.com"), "a label over 63 characters");
        assertFalse(SpfSharing.plainName("example.com."));
    }
}
