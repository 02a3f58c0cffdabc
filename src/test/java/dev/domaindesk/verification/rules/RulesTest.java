package dev.domaindesk.verification.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.Diagnosis;
import dev.domaindesk.domains.Severity;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The matching rules without DNS. Values in the tables: found TXT/targets separated by '|'. */
class RulesTest {

    private static List<String> split(String values) {
        return values == null ? List.of() : Arrays.asList(values.split("\\|"));
    }

    private static List<String> codes(Evaluation e) {
        return e.diagnoses().stream().map(Diagnosis::code).toList();
    }

    private static void expect(Evaluation e, String state, String codes) {
        assertEquals(CheckState.valueOf(state), e.state(), e.toString());
        assertEquals(split(codes), codes(e), e.toString());
    }

    @ParameterizedTest(name = "token {0} vs {1}")
    @CsvSource(delimiter = ';', value = {
        "abcDEF;abcDEF;VERIFIED;",
        "abcDEF;other|abcDEF;VERIFIED;",
        "abcDEF;abcdef;MISMATCH;VALUE_CASE",
        "abcDEF;\"abcDEF\";MISMATCH;QUOTED_VALUE",
        "abcDEF;\\\"abcDEF\\\";MISMATCH;QUOTED_VALUE",
        "abcDEF;\"abcdef\";MISMATCH;QUOTED_VALUE|VALUE_CASE",
        "abcDEF;'abcDEF ';MISMATCH;VALUE_MISMATCH",
        "abcDEF;zzz;MISMATCH;VALUE_MISMATCH",
    })
    void tokens(String expected, String found, String state, String codes) {
        expect(TxtRule.evaluate(expected, split(found)), state, codes);
    }

    /** What the TXT records alone decide; VERIFIED means "one SPF record: evaluate it" (see SpfRuleTest). */
    @ParameterizedTest(name = "spf {1}")
    @CsvSource(delimiter = ';', value = {
        "v=spf1 include:amazonses.com ~all;v=spf1 include:amazonses.com ~all;VERIFIED;",
        "v=spf1 include:amazonses.com ~all;v=spf1 include:_spf.google.com include:amazonses.com ~all;VERIFIED;",
        "v=spf1 include:amazonses.com ~all;V=SPF1 +Include:AmazonSES.com -all;VERIFIED;",
        "v=spf1 include:amazonses.com ~all;v=spf1 include:amazonses.com ~all|google-site-verification=x;VERIFIED;",
        "v=spf1 include:amazonses.com ~all;v=spf1 include:amazonses.com ~all|v=spf1 mx -all;MISMATCH;MULTIPLE_SPF",
        "v=spf1 include:amazonses.com ~all;\"v=spf1 include:amazonses.com ~all\";MISMATCH;QUOTED_VALUE",
        "v=spf1 include:amazonses.com ~all;google-site-verification=x;MISMATCH;VALUE_MISMATCH",
        "v=spf1 include:amazonses.com ~all;v=spf10 include:amazonses.com;MISMATCH;VALUE_MISMATCH",
    })
    void spf(String expected, String found, String state, String codes) {
        expect(SpfRule.evaluate("example.com", expected, split(found)), state, codes);
    }

    @ParameterizedTest(name = "dmarc {1}")
    @CsvSource(delimiter = '#', value = {
        "v=DMARC1; p=none; rua=mailto:d@example.com#v=DMARC1; p=none; rua=mailto:d@example.com#VERIFIED#",
        "v=DMARC1; p=none; rua=mailto:d@example.com;#v=DMARC1; p=none; rua=mailto:d@example.com#VERIFIED#",
        "v=DMARC1; p=none#v=DMARC1;p=quarantine#VERIFIED#",
        "v=DMARC1; p=none; rua=mailto:d@example.com#v=DMARC1; p=reject#VERIFIED#VALUE_MISMATCH",
        "v=DMARC1; p=quarantine#v=DMARC1; p=none#MISMATCH#DMARC_WEAKER_POLICY",
        "v=DMARC1; p=reject#v=DMARC1; p=quarantine; pct=100#MISMATCH#DMARC_WEAKER_POLICY",
        "v=DMARC1; p=none#v=DMARC1; p=none|v=DMARC1; p=reject#MISMATCH#MULTIPLE_DMARC",
        // RFC 7489 6.6.3: p missing, but a valid rua: receivers act as if p=none
        "v=DMARC1; p=none#v=DMARC1; rua=mailto:d@example.com#VERIFIED#DMARC_POLICY_ASSUMED",
        "v=DMARC1; p=none#v=DMARC1; p=maybe; rua=mailto:d@example.com#VERIFIED#DMARC_POLICY_ASSUMED|DMARC_TAG_IGNORED",
        "v=DMARC1; p=quarantine#v=DMARC1; rua=mailto:d@example.com#MISMATCH#DMARC_WEAKER_POLICY",
        "v=DMARC1; p=none#v=DMARC1; p=maybe#MISMATCH#DMARC_INVALID",
        // RFC 7489 6.3: invalid optional tags are ignored, not fatal
        "v=DMARC1; p=none#v=DMARC1; p=none; pct=150#VERIFIED#DMARC_TAG_IGNORED",
        "v=DMARC1; p=none#v=DMARC1; p=none; adkim=x#VERIFIED#DMARC_TAG_IGNORED",
        "v=DMARC1; p=none#v=DMARC1; p=none; rua=d@example.com#VERIFIED#DMARC_TAG_IGNORED",
        "v=DMARC1; p=reject#v=DMARC1; p=reject; rua=dmarc.example.com#VERIFIED#DMARC_TAG_IGNORED",
        "v=DMARC1; p=none#v=dmarc1; p=none#MISMATCH#DMARC_INVALID",
        "v=DMARC1; p=none#v=DMARC1; p=none; fo=2#VERIFIED#DMARC_TAG_IGNORED",
        // RFC 7489 6.4 / 6.6.3: a record must begin with exactly v=DMARC1, or receivers discard it
        "v=DMARC1; p=none#' v=DMARC1; p=none'#MISMATCH#DMARC_INVALID",
        "v=DMARC1; p=none#'\uFEFFv=DMARC1; p=none'#MISMATCH#DMARC_INVALID",
        "v=DMARC1; p=none#v = DMARC1; p=none#VERIFIED#",
        // RFC 7489 6.6.4: below pct=100 the rest of the failing mail gets the next weaker policy
        "v=DMARC1; p=quarantine#v=DMARC1; p=quarantine; pct=0#MISMATCH#DMARC_WEAKER_POLICY",
        "v=DMARC1; p=quarantine#v=DMARC1; p=reject; pct=50#VERIFIED#",
        "v=DMARC1; p=reject#v=DMARC1; p=reject; pct=99#MISMATCH#DMARC_WEAKER_POLICY",
        "v=DMARC1; p=none#v=DMARC1; p=quarantine; pct=0#VERIFIED#",
        "v=DMARC1; p=none#v=DMARC1; p=none; future=tag#VERIFIED#",
        "v=DMARC1; p=none#\"v=DMARC1; p=none\"#MISMATCH#QUOTED_VALUE",
        "v=DMARC1; p=none#something else#MISMATCH#VALUE_MISMATCH",
    })
    void dmarc(String expected, String found, String state, String codes) {
        expect(DmarcRule.evaluate("_dmarc.example.com", expected, split(found)), state, codes);
    }

    @ParameterizedTest(name = "mx {0}")
    @CsvSource(delimiter = ';', value = {
        "10 inbound.example.net.;VERIFIED;",
        "10 INBOUND.Example.NET;VERIFIED;",
        "20 inbound.example.net;VERIFIED;MX_PRIORITY",
        "10 inbound.example.net|20 backup.example.org;VERIFIED;MX_CONFLICT",
        "10 inbound.example.net|10 other.example.org;MISMATCH;MX_CONFLICT",
        "10 inbound.example.net|5 other.example.org;MISMATCH;MX_CONFLICT",
        "20 inbound.example.net|10 other.example.org;MISMATCH;MX_PRIORITY|MX_CONFLICT",
        "10 inbound.example.net.example.com;MISMATCH;ZONE_APPENDED",
        "10 other.example.org;MISMATCH;VALUE_MISMATCH",
    })
    void mx(String found, String state, String codes) {
        List<MxRule.Mx> mx = split(found).stream().map(s -> s.split(" "))
                .map(p -> new MxRule.Mx(Integer.parseInt(p[0]), p[1])).toList();
        expect(MxRule.evaluate("inbound.example.net", 10, mx, "example.com"), state, codes);
    }

    @ParameterizedTest(name = "mx conflict severity {0}")
    @CsvSource(delimiter = ';', value = {"10 a.net|20 b.net;WARNING", "10 a.net|10 b.net;ERROR"})
    void mxConflictSeverity(String found, String severity) {
        List<MxRule.Mx> mx = split(found).stream().map(s -> s.split(" "))
                .map(p -> new MxRule.Mx(Integer.parseInt(p[0]), p[1])).toList();
        Evaluation e = MxRule.evaluate("a.net", 10, mx, "example.com");
        assertEquals(Severity.valueOf(severity), e.diagnoses().get(0).severity());
    }

    @ParameterizedTest(name = "cname {0}")
    @CsvSource(delimiter = ';', value = {
        "tok.dkim.amazonses.com.;VERIFIED;",
        "TOK.DKIM.AmazonSES.com;VERIFIED;",
        "tok.dkim.amazonses.com.example.com.;MISMATCH;ZONE_APPENDED",
        "other.dkim.amazonses.com;MISMATCH;VALUE_MISMATCH",
    })
    void cname(String found, String state, String codes) {
        expect(CnameRule.evaluate("tok.dkim.amazonses.com", split(found), "example.com"), state, codes);
    }

    @ParameterizedTest(name = "cname from txt {0}")
    @CsvSource(delimiter = '#', value = {
        "v=DKIM1; p=K#v=DKIM1; p=K#VERIFIED#CNAME_FLATTENED",
        "tok.dkim.amazonses.com##MISMATCH#WRONG_TYPE",
        "\"tok.dkim.amazonses.com.\"##MISMATCH#WRONG_TYPE",
        "v=DKIM1; p=OLDKEY#v=DKIM1; p=NEWKEY#MISMATCH#WRONG_TYPE",
    })
    void cnameFromTxt(String nameTxt, String targetTxt, String state, String codes) {
        expect(CnameRule.fromTxt("x._domainkey.example.com", "tok.dkim.amazonses.com", split(nameTxt), split(targetTxt)),
                state, codes);
    }

    @ParameterizedTest(name = "names {0} = {1}")
    @CsvSource({"Example.COM.,example.com,true", "bücher.example,xn--bcher-kva.example,true",
        "a.example.com,b.example.com,false", "example.com.,EXAMPLE.com,true"})
    void namesCompareCaseInsensitivelyWithoutTheDotAndAsPunycode(String a, String b, boolean same) {
        assertEquals(same, Names.same(a, b));
    }
}
