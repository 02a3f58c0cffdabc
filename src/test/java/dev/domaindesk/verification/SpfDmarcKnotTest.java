package dev.domaindesk.verification;

import static dev.domaindesk.verification.Expect.diagnosis;
import static dev.domaindesk.verification.Expect.verdict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.Severity;
import dev.domaindesk.testing.KnotServer;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPF (with jSPF's lookup count) and DMARC against a real Knot. */
class SpfDmarcKnotTest {
    private static final String EXPECTED_SPF = "v=spf1 include:amazonses.test ~all";

    @TempDir
    static Path dir;
    static KnotServer knot;
    static EngineFixture f;

    @BeforeAll
    static void start() {
        String includes = IntStream.rangeClosed(1, 11).mapToObj(i -> "include:l" + i + ".spf.test")
                .collect(Collectors.joining(" "));
        String leaves = IntStream.rangeClosed(1, 11).mapToObj(i -> "l" + i + " TXT \"v=spf1 ip4:203.0.113." + i + " -all\"")
                .collect(Collectors.joining("\n"));
        knot = KnotServer.start(dir.resolve("knot"), Map.of(
                "amazonses.test", "@ TXT \"v=spf1 ip4:198.51.100.0/24 -all\"",
                "google.test", "_spf TXT \"v=spf1 ip4:203.0.113.0/24 -all\"",
                "spf.test", """
                        merged TXT "v=spf1 include:_spf.google.test include:amazonses.test ~all"
                        merged TXT "unrelated=txt"
                        two TXT "v=spf1 include:amazonses.test ~all"
                        two TXT "v=spf1 include:_spf.google.test -all"
                        lacks TXT "v=spf1 include:_spf.google.test ~all"
                        quoted TXT "\\"v=spf1 include:amazonses.test ~all\\""
                        broken TXT "v=spf1 include:amazonses.test include:nospf.spf.test ~all"
                        many TXT "v=spf1 include:amazonses.test %s ~all"
                        %s
                        """.formatted(includes, leaves),
                "dmarc.test", """
                        _dmarc.ok TXT "v=DMARC1; p=none; rua=mailto:d@ok.dmarc.test; fo=1"
                        _dmarc.stricter TXT "v=DMARC1;p=reject"
                        _dmarc.weaker TXT "v=DMARC1; p=none"
                        _dmarc.two TXT "v=DMARC1; p=none"
                        _dmarc.two TXT "v=DMARC1; p=reject"
                        _dmarc.invalid TXT "v=DMARC1; p=maybe"
                        """));
        f = new EngineFixture(dir);
    }

    @AfterAll
    static void stop() {
        f.close();
        knot.close();
    }

    @Test
    void spfRecordsAreJudgedByMechanismsAndLookupCount() {
        Domain d = f.domain("spf.test",
                "TXT", "merged.spf.test", EXPECTED_SPF,
                "TXT", "two.spf.test", EXPECTED_SPF,
                "TXT", "lacks.spf.test", EXPECTED_SPF,
                "TXT", "quoted.spf.test", EXPECTED_SPF,
                "TXT", "many.spf.test", EXPECTED_SPF,
                "TXT", "broken.spf.test", EXPECTED_SPF);
        f.check(EngineFixture.via(knot.address()), d);

        verdict(f.record(d, "merged.spf.test"), CheckState.VERIFIED);
        DnsRecord two = f.record(d, "two.spf.test");
        verdict(two, CheckState.MISMATCH, "MULTIPLE_SPF");
        assertTrue(diagnosis(two, "MULTIPLE_SPF").message()
                .contains("v=spf1 include:amazonses.test include:_spf.google.test ~all"), "suggests the merged record");
        DnsRecord lacks = f.record(d, "lacks.spf.test");
        verdict(lacks, CheckState.MISMATCH, "SPF_INCLUDE_MISSING");
        assertTrue(diagnosis(lacks, "SPF_INCLUDE_MISSING").message().contains("include:amazonses.test"));
        verdict(f.record(d, "quoted.spf.test"), CheckState.MISMATCH, "QUOTED_VALUE");
        verdict(f.record(d, "many.spf.test"), CheckState.MISMATCH, "SPF_TOO_MANY_LOOKUPS");
        assertTrue(diagnosis(f.record(d, "many.spf.test"), "SPF_TOO_MANY_LOOKUPS").message().contains("11"));
        verdict(f.record(d, "broken.spf.test"), CheckState.MISMATCH, "SPF_INCLUDE_NO_SPF");
    }

    @Test
    void dmarcRecordsAreJudgedByValidityAndPolicyStrength() {
        String expected = "v=DMARC1; p=none; rua=mailto:d@ok.dmarc.test; fo=1;";
        Domain ok = f.domain("ok.dmarc.test", "TXT", "_dmarc.ok.dmarc.test", expected);
        Domain stricter = f.domain("stricter.dmarc.test", "TXT", "_dmarc.stricter.dmarc.test", expected);
        Domain weaker = f.domain("weaker.dmarc.test", "TXT", "_dmarc.weaker.dmarc.test", "v=DMARC1; p=quarantine");
        Domain two = f.domain("two.dmarc.test", "TXT", "_dmarc.two.dmarc.test", expected);
        Domain invalid = f.domain("invalid.dmarc.test", "TXT", "_dmarc.invalid.dmarc.test", expected);
        Domain none = f.domain("none.dmarc.test", "TXT", "_dmarc.none.dmarc.test", expected);
        f.check(EngineFixture.via(knot.address()), ok, stricter, weaker, two, invalid, none);

        verdict(f.record(ok, "_dmarc.ok.dmarc.test"), CheckState.VERIFIED);
        DnsRecord s = f.record(stricter, "_dmarc.stricter.dmarc.test");
        verdict(s, CheckState.VERIFIED, "VALUE_MISMATCH");
        assertEquals(Severity.INFO, diagnosis(s, "VALUE_MISMATCH").severity(), "other tags differing is information");
        verdict(f.record(weaker, "_dmarc.weaker.dmarc.test"), CheckState.MISMATCH, "DMARC_WEAKER_POLICY");
        verdict(f.record(two, "_dmarc.two.dmarc.test"), CheckState.MISMATCH, "MULTIPLE_DMARC");
        DnsRecord bad = f.record(invalid, "_dmarc.invalid.dmarc.test");
        verdict(bad, CheckState.MISMATCH, "DMARC_INVALID");
        assertTrue(diagnosis(bad, "DMARC_INVALID").message().contains("p=maybe"));
        verdict(f.record(none, "_dmarc.none.dmarc.test"), CheckState.MISSING, "NXDOMAIN");
    }
}
