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

/** DMARC records as RFC 7489 reads them, served by a real Knot. */
class DmarcKnotTest {
    @TempDir
    static Path dir;
    static KnotServer knot;
    static EngineFixture f;
    static Domain d;

    @BeforeAll
    static void start() {
        knot = KnotServer.start(dir.resolve("knot"), Map.of("rfc.test", """
                _dmarc.space TXT " v=DMARC1; p=quarantine"
                _dmarc.bom TXT "\\239\\187\\191v=DMARC1; p=quarantine"
                _dmarc.nop TXT "v=DMARC1; rua=mailto:d@rfc.test"
                _dmarc.badrua TXT "v=DMARC1; p=quarantine; rua=d@rfc.test"
                _dmarc.pct0 TXT "v=DMARC1; p=quarantine; pct=0"
                """));
        f = new EngineFixture(dir);
        d = f.domain("rfc.test",
                "TXT", "_dmarc.space.rfc.test", "v=DMARC1; p=quarantine",
                "TXT", "_dmarc.bom.rfc.test", "v=DMARC1; p=quarantine",
                "TXT", "_dmarc.nop.rfc.test", "v=DMARC1; p=none",
                "TXT", "_dmarc.badrua.rfc.test", "v=DMARC1; p=quarantine",
                "TXT", "_dmarc.pct0.rfc.test", "v=DMARC1; p=quarantine");
        f.check(EngineFixture.via(knot.address()), d);
    }

    @AfterAll
    static void stop() {
        f.close();
        knot.close();
    }

    /** Sections 6.4 and 6.6.3: a record must begin with exactly v=DMARC1, or receivers discard it. */
    @Test
    void aLeadingSpaceOrByteOrderMarkMakesItNoDmarcRecord() {
        verdict(f.record(d, "_dmarc.space.rfc.test"), CheckState.MISMATCH, "DMARC_INVALID");
        DnsRecord bom = f.record(d, "_dmarc.bom.rfc.test");
        verdict(bom, CheckState.MISMATCH, "DMARC_INVALID");
        assertTrue(diagnosis(bom, "DMARC_INVALID").message().contains("begin with exactly 'v=DMARC1'"));
    }

    /** Section 6.6.3: p missing, but a valid rua: treated as p=none. */
    @Test
    void aMissingPolicyWithAValidRuaIsPolicyNone() {
        verdict(f.record(d, "_dmarc.nop.rfc.test"), CheckState.VERIFIED, "DMARC_POLICY_ASSUMED");
    }

    /** Section 6.3: an invalid optional tag is ignored, not fatal. */
    @Test
    void anInvalidRuaIsIgnored() {
        DnsRecord r = f.record(d, "_dmarc.badrua.rfc.test");
        verdict(r, CheckState.VERIFIED, "DMARC_TAG_IGNORED");
        assertTrue(diagnosis(r, "DMARC_TAG_IGNORED").message().contains("rua=d@rfc.test"));
    }

    /** Section 6.6.4: pct=0 applies quarantine to none of the failing mail. */
    @Test
    void quarantineAtPctZeroIsNotAtLeastQuarantine() {
        DnsRecord r = f.record(d, "_dmarc.pct0.rfc.test");
        verdict(r, CheckState.MISMATCH, "DMARC_WEAKER_POLICY");
        assertTrue(diagnosis(r, "DMARC_WEAKER_POLICY").message().contains("pct=0"));
    }
}
