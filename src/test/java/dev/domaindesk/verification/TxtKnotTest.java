package dev.domaindesk.verification;

import static dev.domaindesk.verification.Expect.diagnosis;
import static dev.domaindesk.verification.Expect.verdict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainStatus;
import dev.domaindesk.testing.KnotServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/** TXT tokens against a real Knot: split strings, quotes, case, doubled names, wildcards, truncation, IDN. */
class TxtKnotTest {
    /** ~2.6 KB of TXT in 250-character strings: more than a 1232-byte EDNS UDP answer holds. */
    private static final List<String> BIG = java.util.stream.IntStream.range(0, 11)
            .mapToObj(i -> String.valueOf((char) ('a' + i)).repeat(240)).toList();

    @TempDir
    static Path dir;
    static KnotServer knot;
    static EngineFixture f;

    @BeforeAll
    static void start() {
        knot = KnotServer.start(dir.resolve("knot"), Map.of(
                "txt.test", """
                        _amazonses TXT "Tok3nValue+/="
                        sel._domainkey TXT "v=DKIM1; k=rsa; " "p=MIGfMA0GCSqGSIb3DQEBAQUAA4GN" "ADCBiQKBgQC1"
                        _case TXT "tok3nvalue+/="
                        _quoted TXT "\\"Tok3nValue+/=\\""
                        _wrong TXT "something-else"
                        _wrong TXT "google-site-verification=abc"
                        onlya A 192.0.2.1
                        big TXT %s
                        """.formatted(String.join(" ", BIG.stream().map(s -> "\"" + s + "\"").toList())),
                "doubled.test", """
                        _amazonses.doubled.test TXT "Tok3nValue+/="
                        """,
                "wild.test", """
                        * TXT "wild-value"
                        """,
                "many.test", """
                        *.many.test. TXT "many-token"
                        """,
                "xn--bcher-kva.test", """
                        _amazonses TXT "idn-token"
                        """));
        f = new EngineFixture(dir);
    }

    @AfterAll
    static void stop() {
        f.close();
        knot.close();
    }

    @Test
    void tokensAndTheirUsualMistakes() {
        Domain d = f.domain("txt.test",
                "TXT", "_amazonses.txt.test", "Tok3nValue+/=",
                "TXT", "sel._domainkey.txt.test", "v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC1",
                "TXT", "_case.txt.test", "Tok3nValue+/=",
                "TXT", "_quoted.txt.test", "Tok3nValue+/=",
                "TXT", "_wrong.txt.test", "Tok3nValue+/=",
                "TXT", "onlya.txt.test", "Tok3nValue+/=",
                "TXT", "_absent.txt.test", "Tok3nValue+/=");
        f.check(EngineFixture.via(knot.address()), d);

        verdict(f.record(d, "_amazonses.txt.test"), CheckState.VERIFIED);
        DnsRecord split = f.record(d, "sel._domainkey.txt.test");
        verdict(split, CheckState.VERIFIED);
        assertEquals(List.of("v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC1"), split.found());
        verdict(f.record(d, "_case.txt.test"), CheckState.MISMATCH, "VALUE_CASE");
        verdict(f.record(d, "_quoted.txt.test"), CheckState.MISMATCH, "QUOTED_VALUE");
        DnsRecord wrong = f.record(d, "_wrong.txt.test");
        verdict(wrong, CheckState.MISMATCH, "VALUE_MISMATCH");
        assertEquals(2, wrong.found().size(), "both TXT values are reported");
        assertTrue(diagnosis(wrong, "VALUE_MISMATCH").message().contains("something-else"));
        verdict(f.record(d, "onlya.txt.test"), CheckState.MISSING, "NODATA");
        verdict(f.record(d, "_absent.txt.test"), CheckState.MISSING, "NXDOMAIN");
        assertEquals(DomainStatus.PENDING, f.reload(d).status());
    }

    @Test
    void aNameEnteredWithTheZoneAppendedIsDiagnosed() {
        Domain d = f.domain("doubled.test", "TXT", "_amazonses.doubled.test", "Tok3nValue+/=");
        f.check(EngineFixture.via(knot.address()), d);
        DnsRecord r = f.record(d, "_amazonses.doubled.test");
        verdict(r, CheckState.MISSING, "NXDOMAIN", "ZONE_APPENDED");
        assertTrue(diagnosis(r, "ZONE_APPENDED").message().contains("_amazonses.doubled.test.doubled.test"));
    }

    @Test
    void wildcardAnswersCountAsFound() {
        Domain d = f.domain("wild.test",
                "TXT", "_amazonses.wild.test", "wild-value",
                "TXT", "_other.wild.test", "expected-token");
        f.check(EngineFixture.via(knot.address()), d);
        verdict(f.record(d, "_amazonses.wild.test"), CheckState.VERIFIED);
        DnsRecord other = f.record(d, "_other.wild.test");
        verdict(other, CheckState.MISMATCH, "VALUE_MISMATCH");
        assertEquals(List.of("wild-value"), other.found());
    }

    @Test
    void manyDomainsInOneRunAreAllCheckedAndStored() {
        List<Domain> domains = java.util.stream.IntStream.range(0, 120)
                .mapToObj(i -> f.domain("d" + i + ".many.test", "TXT", "_amazonses.d" + i + ".many.test", "many-token"))
                .toList();
        CheckSummary summary = f.check(EngineFixture.via(knot.address()), domains.toArray(Domain[]::new));
        assertEquals(120, summary.verified());
        assertEquals(120, summary.domains());
        domains.forEach(d -> assertEquals(DomainStatus.VERIFIED, f.reload(d).status(), d.name().ascii()));
    }

    @Test
    void aTruncatedAnswerIsFetchedOverTcp() throws IOException {
        SimpleResolver udpOnly = new SimpleResolver(knot.address());
        udpOnly.setIgnoreTruncation(true);
        Message udp = udpOnly.send(Message.newQuery(Record.newRecord(Name.fromString("big.txt.test."), Type.TXT, DClass.IN)));
        assertTrue(udp.getHeader().getFlag(Flags.TC), "the UDP answer must be truncated for this test to mean anything");

        Domain d = f.domain("big.txt.test", "TXT", "big.txt.test", String.join("", BIG));
        f.check(EngineFixture.via(knot.address()), d);
        verdict(f.record(d, "big.txt.test"), CheckState.VERIFIED);
    }

    @Test
    void internationalisedDomainsAreAskedInPunycode() {
        Domain d = f.domain("bücher.test", "TXT", "_amazonses.xn--bcher-kva.test", "idn-token");
        f.check(EngineFixture.via(knot.address()).withTimeout(Duration.ofSeconds(2)), d);
        verdict(f.record(d, "_amazonses.xn--bcher-kva.test"), CheckState.VERIFIED);
        assertEquals(DomainStatus.VERIFIED, f.reload(d).status());
    }
}
