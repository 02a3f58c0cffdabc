package dev.domaindesk.verification.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.Diagnosis;
import dev.domaindesk.domains.Severity;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPF judged by what check_host gives (RFC 7208), without DNS: the rule table over the facts the engine gathers. */
class SpfRuleTest {
    private static final String FOUND = "v=spf1 include:_spf.corp.example ~all";
    private static final SpfRule.Outcome WHOLE_SOFTFAIL = new SpfRule.Outcome("softfail", 3, 0, "");

    private static SpfRule.Sender sender(String expected, String found, String... path) {
        return new SpfRule.Sender("include:amazonses.com", "198.51.100.0", outcome(expected), outcome(found), false,
                List.of(path));
    }

    private static SpfRule.Outcome outcome(String result) {
        return new SpfRule.Outcome(result, 2, 0, result.equals("temperror") ? "_spf.corp.example: no answer" : "");
    }

    private static SpfRule.Facts facts(SpfRule.Outcome whole, SpfRule.Sender... senders) {
        return new SpfRule.Facts(FOUND, whole, List.of(), List.of(), List.of(), List.of(senders));
    }

    private static void expect(Evaluation e, CheckState state, String... codes) {
        assertEquals(state, e.state(), e.toString());
        assertEquals(List.of(codes), e.diagnoses().stream().map(Diagnosis::code).toList(), e.toString());
    }

    /** Section 4: the sender is authorised when check_host gives it the expected record's result, however reached. */
    @Test
    void theSenderPassingAsExpectedIsVerifiedAndTheDiagnosisSaysThroughWhat() {
        expect(SpfRule.judge(facts(WHOLE_SOFTFAIL, sender("pass", "pass")), List.of(FOUND)), CheckState.VERIFIED);
        Evaluation nested = SpfRule.judge(facts(WHOLE_SOFTFAIL, sender("pass", "pass", "_spf.corp.example")), List.of(FOUND));
        expect(nested, CheckState.VERIFIED, "SPF_SENDER_REACHED");
        assertEquals(Severity.INFO, nested.diagnoses().get(0).severity());
        assertTrue(nested.diagnoses().get(0).message().contains("amazonses.com's servers 'pass' as expected, through _spf.corp.example"),
                nested.diagnoses().get(0).message());
        Evaluation redirect = SpfRule.judge(facts(WHOLE_SOFTFAIL, sender("pass", "pass", "redirect=_spf.corp.example")),
                List.of(FOUND));
        assertTrue(redirect.diagnoses().get(0).message().contains("through redirect=_spf.corp.example"));
    }

    @Test
    void theSenderGettingAnotherResultIsAMismatchNamingBothResults() {
        Evaluation e = SpfRule.judge(facts(WHOLE_SOFTFAIL, sender("pass", "softfail")), List.of(FOUND));
        expect(e, CheckState.MISMATCH, "SPF_INCLUDE_MISSING");
        assertTrue(e.diagnoses().get(0).message().contains("'softfail' where the expected record gives 'pass'"));
    }

    /** Section 5.1: mechanisms after "all" are never evaluated. */
    @Test
    void theExpectedIncludeAfterAllIsNeverEvaluated() {
        SpfRule.Facts f = new SpfRule.Facts("v=spf1 ~all include:amazonses.com", WHOLE_SOFTFAIL, List.of(), List.of(),
                List.of(), List.of(sender("pass", "softfail")));
        Evaluation e = SpfRule.judge(f, List.of(f.found()));
        expect(e, CheckState.MISMATCH, "SPF_AFTER_ALL");
        assertTrue(e.diagnoses().get(0).message().contains("'include:amazonses.com' comes after '~all'"));
    }

    /** Rows: whole-record result, DNS-querying terms, void lookups → state, diagnosis (sections 4.6.4 and 2.6.6/2.6.7). */
    @ParameterizedTest(name = "whole record {0}, {1} terms, {2} voids")
    @CsvSource({
        "permerror,11,0,MISMATCH,SPF_TOO_MANY_LOOKUPS",   // 4.6.4: more than 10 DNS-querying terms
        "softfail,4,3,MISMATCH,SPF_VOID_LOOKUPS",         // 4.6.4: more than 2 void lookups
        "softfail,4,2,VERIFIED,",                         // 4.6.4: two void lookups are allowed
        "permerror,3,0,MISMATCH,SPF_PERMERROR",           // 2.6.7: any other permanent error
        "temperror,2,0,DNS_ERROR,SPF_TEMPERROR",          // 2.6.6: a failed lookup is a DNS error, never missing
        "fail,10,0,VERIFIED,",
        "neutral,0,0,VERIFIED,",
    })
    void wholeRecordEvaluation(String result, int terms, int voids, String state, String code) {
        SpfRule.Facts f = facts(new SpfRule.Outcome(result, terms, voids, "detail"), sender("pass", "pass"));
        Evaluation e = SpfRule.judge(f, List.of(FOUND));
        assertEquals(CheckState.valueOf(state), e.state(), e.toString());
        assertEquals(code == null ? List.of() : List.of(code), e.diagnoses().stream().map(Diagnosis::code).toList());
    }

    @Test
    void aTemperrorWhileEvaluatingForTheSenderIsADnsError() {
        expect(SpfRule.judge(facts(WHOLE_SOFTFAIL, sender("pass", "temperror")), List.of(FOUND)), CheckState.DNS_ERROR,
                "SPF_TEMPERROR");
        expect(SpfRule.judge(facts(WHOLE_SOFTFAIL, sender("temperror", "pass")), List.of(FOUND)), CheckState.DNS_ERROR,
                "SPF_TEMPERROR");
    }

    /** Sections 4.6 (syntax), 5.2 (include of a name without SPF) and 4.5 (several records): permerror. */
    @Test
    void recordsReceiversRejectAreNeverVerifiedEvenWhenTheSenderWouldPass() {
        SpfRule.Sender passes = sender("pass", "pass");
        expect(SpfRule.judge(new SpfRule.Facts(FOUND, WHOLE_SOFTFAIL, List.of("'ipv4:192.0.2.1' is not an SPF mechanism"),
                List.of(), List.of(), List.of(passes)), List.of(FOUND)), CheckState.MISMATCH, "SPF_SYNTAX");
        Evaluation noSpf = SpfRule.judge(new SpfRule.Facts(FOUND, WHOLE_SOFTFAIL, List.of(), List.of("nospf.example"),
                List.of(), List.of(passes)), List.of(FOUND));
        expect(noSpf, CheckState.MISMATCH, "SPF_INCLUDE_NO_SPF");
        assertTrue(noSpf.diagnoses().get(0).message().contains("includes nospf.example, which publishes no SPF record"));
        expect(SpfRule.judge(new SpfRule.Facts(FOUND, WHOLE_SOFTFAIL, List.of(), List.of(), List.of("two.example"),
                List.of(passes)), List.of(FOUND)), CheckState.MISMATCH, "SPF_PERMERROR");
    }

    @Test
    void aSenderWithoutAnAddressIsJudgedByWhetherTheRecordReachesItsTerm() {
        SpfRule.Sender held = new SpfRule.Sender("mx", null, null, null, true, List.of());
        SpfRule.Sender notHeld = new SpfRule.Sender("mx", null, null, null, false, List.of());
        expect(SpfRule.judge(facts(WHOLE_SOFTFAIL, held), List.of(FOUND)), CheckState.VERIFIED);
        expect(SpfRule.judge(facts(WHOLE_SOFTFAIL, notHeld), List.of(FOUND)), CheckState.MISMATCH, "SPF_INCLUDE_MISSING");
    }

    /** Section 4.6.1 syntax; section 7 macros are left to evaluation; a trailing dot and letter case do not matter. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "v=spf1 include:amazonses.com ~all;",
        "v=spf1 Include:AmazonSES.com. -all;",
        "v=spf1 exists:%{i}._spf.example.com ptr include:amazonses.com exp=explain.example.com ~all;",
        "v=spf1 a mx a:mail.example.com/24 mx/24 ip4:192.0.2.0/24 ip6:2001:db8::/32 redirect=_spf.example.com;",
        "v=spf1 ipv4:192.0.2.1 ~all;'ipv4:192.0.2.1' is not an SPF mechanism (did you mean ip4:?)",
        "v=spf1 ip4:192.0.2.300 ~all;'ip4:192.0.2.300' is not a valid address",
        "v=spf1 include: ~all;'include:' needs a domain (include:example.com)",
        "v=spf1 all:x;'all:x' takes no value",
        "v=spf1 redirect=a.example redirect=b.example;'redirect=' appears 2 times (at most once)",
    })
    void syntax(String record, String problem) {
        assertEquals(problem == null ? List.of() : List.of(problem), SpfTerms.parse(record).problems());
    }

    @Test
    void termsCompareAsReceiversReadThem() {
        List<String> canonical = SpfTerms.parse("v=spf1 +Include:AmazonSES.com. ~ALL redirect=_SPF.Example.com")
                .terms().stream().map(SpfTerms.Term::canonical).toList();
        assertEquals(List.of("include:amazonses.com", "~all", "redirect=_spf.example.com"), canonical);
        assertEquals(List.of("amazonses.com", "_spf.example.com"),
                SpfTerms.parse("v=spf1 include:AmazonSES.com. include:%{d}.x.example redirect=_spf.example.com").targets());
        assertEquals(Optional.of("199.255.192.0"), SpfTerms.parse("v=spf1 ip6:2001:db8::1 ip4:199.255.192.0/22 -all").firstAddress());
        assertEquals(0, SpfTerms.parse("v=spf1 -all include:amazonses.com").allIndex());
        assertEquals(Arrays.asList(), SpfTerms.parse("v=spf1 ?all").targets());
    }

    /** A record is read once and the reading reused (bulk checks meet the same text thousands of times). */
    @Test
    void theSameTextIsReadOnceAndALongOneStillReadsTheSame() {
        String record = "v=spf1 include:amazonses.com ipv4:192.0.2.1 ~all";
        assertSame(SpfTerms.parse(record), SpfTerms.parse(record));
        assertEquals(List.of("'ipv4:192.0.2.1' is not an SPF mechanism (did you mean ip4:?)"), SpfTerms.parse(record).problems());
        String longRecord = "v=spf1 " + "ip4:192.0.2.1 ".repeat(60) + "include:amazonses.com -all";
        assertEquals(SpfTerms.parse(longRecord), SpfTerms.parse(longRecord));
        assertEquals(62, SpfTerms.parse(longRecord).terms().size());
    }

    /** RFC 7208 section 4.5: an SPF record is "v=spf1" alone or followed by a space; the version compares without case. */
    @Test
    void anSpfRecordIsVersionOneAloneOrFollowedByASpace() {
        for (String spf : List.of("v=spf1", "v=spf1 -all", "V=SPF1 include:amazonses.com ~all", "  v=spf1 -all \t",
                "\u2003v=Spf1 -all")) {
            assertTrue(SpfRule.isSpf(spf), spf);
        }
        for (String other : List.of("", "v=spf", "v=spf10", "v=spf1\t-all", "v=spf1\u00a0-all", "v=\u017fpf1 -all",
                "\"v=spf1 -all\"", "spf1 v=spf1", "v=spf2.0/pra -all")) {
            assertFalse(SpfRule.isSpf(other), other);
        }
    }
}
