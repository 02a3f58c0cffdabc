package dev.domaindesk.verification;

import static dev.domaindesk.verification.Expect.diagnosis;
import static dev.domaindesk.verification.Expect.verdict;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.testing.KnotServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPF judged by evaluation (RFC 7208 section 4, check_host) against a real Knot: the expected record
 * {@code v=spf1 include:amazonses.test ~all} is met when the sender's servers get the same result, however the
 * found record reaches them, and never when receivers reject the record.
 */
class SpfEvaluationKnotTest {
    private static final String EXPECTED = "v=spf1 include:amazonses.test ~all";

    @TempDir
    static Path dir;
    static KnotServer knot;
    static EngineFixture f;
    static Domain d;

    @BeforeAll
    static void start() {
        knot = KnotServer.start(dir.resolve("knot"), Map.of(
                "amazonses.test", "@ TXT \"v=spf1 ip4:198.51.100.0/24 -all\"",
                "corp.test", "_spf TXT \"v=spf1 include:amazonses.test ~all\"",
                // ptr asks here; an empty reverse zone answers NXDOMAIN as the public one would for these addresses
                "in-addr.arpa", "",
                "spf2.test", """
                        redirect TXT "v=spf1 redirect=_spf.corp.test"
                        nested TXT "v=spf1 include:_spf.corp.test -all"
                        dot TXT "v=spf1 include:amazonses.test. ~all"
                        case TXT "v=spf1 INCLUDE:AmazonSES.Test ~all"
                        macros TXT "v=spf1 exists:%{i}.allow.spf2.test ptr include:amazonses.test exp=why.spf2.test ~all"
                        why TXT "%{i} is not one of our servers"
                        denied TXT "v=spf1 -ip4:198.51.100.0/24 include:amazonses.test ~all"
                        syntax TXT "v=spf1 ipv4:198.51.100.1 include:amazonses.test ~all"
                        voids TXT "v=spf1 a:v1.spf2.test a:v2.spf2.test a:v3.spf2.test include:amazonses.test ~all"
                        afterall TXT "v=spf1 ~all include:amazonses.test"
                        nospf TXT "v=spf1 include:amazonses.test include:plain.spf2.test ~all"
                        plain TXT "not an spf record"
                        temp TXT "v=spf1 include:amazonses.test include:_spf.broken.test ~all"
                        """));
        knot.rawZone("broken.test", "$ORIGIN broken.test.\n@ SOA ns1 h 1 2 3 4 5\n_spf TXT \"unterminated\n", false);
        f = new EngineFixture(dir);
        d = f.domain("spf2.test",
                "TXT", "redirect.spf2.test", EXPECTED,
                "TXT", "nested.spf2.test", EXPECTED,
                "TXT", "dot.spf2.test", EXPECTED,
                "TXT", "case.spf2.test", EXPECTED,
                "TXT", "macros.spf2.test", EXPECTED,
                "TXT", "denied.spf2.test", EXPECTED,
                "TXT", "syntax.spf2.test", EXPECTED,
                "TXT", "voids.spf2.test", EXPECTED,
                "TXT", "afterall.spf2.test", EXPECTED,
                "TXT", "nospf.spf2.test", EXPECTED,
                "TXT", "temp.spf2.test", EXPECTED);
        f.check(EngineFixture.via(knot.address()), d);
    }

    @AfterAll
    static void stop() {
        f.close();
        knot.close();
    }

    /** Section 6.1: redirect= evaluates the other record as if it were this one. */
    @Test
    void theSenderReachedThroughRedirectIsVerifiedAndSaysSo() {
        DnsRecord r = f.record(d, "redirect.spf2.test");
        verdict(r, CheckState.VERIFIED, "SPF_SENDER_REACHED");
        assertTrue(diagnosis(r, "SPF_SENDER_REACHED").message().contains("through redirect=_spf.corp.test"),
                r.diagnoses().toString());
    }

    /** Section 5.2: include evaluates the named record; a pass there is a match here, however deep. */
    @Test
    void theSenderReachedThroughANestedIncludeIsVerifiedAndSaysThroughWhat() {
        DnsRecord r = f.record(d, "nested.spf2.test");
        verdict(r, CheckState.VERIFIED, "SPF_SENDER_REACHED");
        assertTrue(diagnosis(r, "SPF_SENDER_REACHED").message().contains("amazonses.test's servers 'pass' as expected,"
                + " through _spf.corp.test"), r.diagnoses().toString());
    }

    /** Section 7.1 (domain-end may carry a trailing dot); DNS names compare without regard to case (RFC 4343). */
    @Test
    void anIncludeWithATrailingDotOrInAnotherCaseIsVerified() {
        verdict(f.record(d, "dot.spf2.test"), CheckState.VERIFIED);
        verdict(f.record(d, "case.spf2.test"), CheckState.VERIFIED);
    }

    /** Sections 5.7 (exists), 5.5 (ptr), 6.2 (exp=) and 7 (macros) alongside the sender do not stand in its way. */
    @Test
    void macrosExistsPtrAndExpAlongsideTheSenderAreVerified() {
        verdict(f.record(d, "macros.spf2.test"), CheckState.VERIFIED);
    }

    /** Section 4.6.2: the first matching mechanism decides; "-ip4" before the include fails the sender. */
    @Test
    void aRecordThatFailsTheSenderBeforeItsIncludeIsAMismatch() {
        DnsRecord r = f.record(d, "denied.spf2.test");
        verdict(r, CheckState.MISMATCH, "SPF_INCLUDE_MISSING");
        assertTrue(diagnosis(r, "SPF_INCLUDE_MISSING").message().contains("'fail' where the expected record gives 'pass'"),
                r.diagnoses().toString());
    }

    /** Section 4.6: a record with a syntax error is a permerror as a whole. */
    @Test
    void anUnknownMechanismIsASyntaxErrorNeverVerified() {
        DnsRecord r = f.record(d, "syntax.spf2.test");
        verdict(r, CheckState.MISMATCH, "SPF_SYNTAX");
        assertTrue(diagnosis(r, "SPF_SYNTAX").message().contains("'ipv4:198.51.100.1' is not an SPF mechanism (did you mean ip4:?)"));
    }

    /** Section 4.6.4: more than two lookups that find nothing are a permerror. */
    @Test
    void moreThanTwoVoidLookupsAreNeverVerified() {
        verdict(f.record(d, "voids.spf2.test"), CheckState.MISMATCH, "SPF_VOID_LOOKUPS");
    }

    /** Section 5.1: mechanisms after "all" are never evaluated. */
    @Test
    void theSenderAfterAllIsNeverVerified() {
        DnsRecord r = f.record(d, "afterall.spf2.test");
        verdict(r, CheckState.MISMATCH, "SPF_AFTER_ALL");
        assertTrue(diagnosis(r, "SPF_AFTER_ALL").message().contains("'include:amazonses.test' comes after '~all'"));
    }

    /** Section 5.2: an include of a name without an SPF record is a permerror, even after the sender's include. */
    @Test
    void anIncludeOfANameWithoutSpfIsNeverVerified() {
        DnsRecord r = f.record(d, "nospf.spf2.test");
        verdict(r, CheckState.MISMATCH, "SPF_INCLUDE_NO_SPF");
        assertTrue(diagnosis(r, "SPF_INCLUDE_NO_SPF").message().contains("plain.spf2.test"));
    }

    /** Section 2.6.6: a lookup that fails (here SERVFAIL) is a temperror: a DNS error, never verified or missing. */
    @Test
    void aFailedLookupWhileEvaluatingIsADnsError() {
        DnsRecord r = f.record(d, "temp.spf2.test");
        verdict(r, CheckState.DNS_ERROR, "SPF_TEMPERROR");
        assertTrue(diagnosis(r, "SPF_TEMPERROR").message().contains("_spf.broken.test"), r.diagnoses().toString());
    }
}
