package dev.domaindesk.verification.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.domains.Diagnosis;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.Severity;
import dev.domaindesk.testing.KnotServer;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit against a real Knot and a real HTTPS server for MTA-STS policies (certificates from a test CA that
 * only this test trusts): DKIM keys generated here (RSA 512, 1024 and 2048 bits), null MX, DMARC report
 * authorisation, MTA-STS, TLS-RPT, and the sender checklist built from them.
 */
class AuditKnotTest {
    /** Zones no DNSSEC test signs: validation ends at an anchor that covers none of them. */
    private static final String UNRELATED_ANCHOR = "anchor.invalid. 300 IN DS 1 13 2 "
            + "0000000000000000000000000000000000000000000000000000000000000000";

    @TempDir
    static Path dir;
    static KnotServer knot;
    static PolicyServer https;
    static AuditFixture fixture;

    @BeforeAll
    static void servers() throws Exception {
        TestCertificateAuthority ca = new TestCertificateAuthority(dir.resolve("ca"),
                List.of("mta-sts.strong.test", "mta-sts.weak.test", "mta-sts.unlisted.test"));
        https = new PolicyServer(ca.serverContext());
        https.serve("mta-sts.strong.test", new PolicyServer.Answer(200, "text/plain",
                "version: STSv1\r\nmode: enforce\r\nmx: mx.strong.test\r\nmax_age: 86400\r\n"));
        https.serve("mta-sts.unlisted.test", new PolicyServer.Answer(200, "text/plain",
                "version: STSv1\nmode: enforce\nmx: *.elsewhere.test\nmax_age: 86400\n"));
        https.serve("mta-sts.wrongcert.test", new PolicyServer.Answer(200, "text/plain",
                "version: STSv1\nmode: testing\nmx: mx.wrongcert.test\nmax_age: 86400\n"));

        knot = KnotServer.start(dir.resolve("knot"), Map.of(
                "keys.test", "s2048 IN TXT " + key(2048, "") + "\n",
                "reports.test", "strong.test._report._dmarc IN TXT \"v=DMARC1\"\n",
                "example.co.uk", "_dmarc IN TXT \"v=DMARC1; p=reject; rua=mailto:d@example.co.uk\"\n",
                "elsewhere.test", "weak.test._report._dmarc IN TXT \"v=spf1 -all\"\n",
                "strong.test", """
                        @ IN MX 10 mx.strong.test.
                        mx IN A 127.0.0.1
                        @ IN TXT "v=spf1 -all"
                        _dmarc IN TXT "v=DMARC1; p=quarantine; rua=mailto:d@reports.test"
                        s1._domainkey IN CNAME s2048.keys.test.
                        _mta-sts IN TXT "v=STSv1; id=2026120201"
                        mta-sts IN A 127.0.0.1
                        _smtp._tls IN TXT "v=TLSRPTv1; rua=mailto:tls@strong.test"
                        """,
                "weak.test", "@ IN MX 0 .\n"
                        + "_dmarc IN TXT \"v=DMARC1; p=none; rua=mailto:d@elsewhere.test,mailto:x@weak.test\"\n"
                        + "s512._domainkey IN TXT " + key(512, "v=DKIM1; k=rsa; ") + "\n"
                        + "s1024._domainkey IN TXT " + key(1024, "v=DKIM1; t=y; ") + "\n"
                        + "old._domainkey IN TXT \"v=DKIM1; p=\"\n"
                        + "gone._domainkey IN CNAME nothing.keys.test.\n"
                        + "_mta-sts IN TXT \"v=STSv1; id=1\"\nmta-sts IN A 127.0.0.1\n"
                        + "_smtp._tls IN TXT \"v=TLSRPTv1; rua=ftp://tls.weak.test\"\n",
                "unlisted.test", "@ IN MX 10 mx.unlisted.test.\n_mta-sts IN TXT \"v=STSv1; id=7\"\nmta-sts IN A 127.0.0.1\n",
                "wrongcert.test", "@ IN MX 10 mx.wrongcert.test.\n_mta-sts IN TXT \"v=STSv1; id=7\"\nmta-sts IN A 127.0.0.1\n"));
        var tls = ca.clientContext().getSocketFactory();
        AuditSetup setup = new AuditSetup(UNRELATED_ANCHOR, https.port(), () -> tls,
                Duration.ofSeconds(5));
        fixture = new AuditFixture(dir.resolve("store"), setup);
        fixture.domain("weak.test", "TXT", "s512._domainkey.weak.test", "v=DKIM1; k=rsa; p=x",
                "TXT", "s1024._domainkey.weak.test", "v=DKIM1; p=x", "TXT", "old._domainkey.weak.test", "v=DKIM1; p=x",
                "CNAME", "gone._domainkey.weak.test", "nothing.keys.test");
    }

    @AfterAll
    static void stop() {
        fixture.close();
        knot.close();
        https.close();
    }

    /** A DKIM key record's TXT strings: the tags, then p= with a fresh RSA key of {@code bits}, in 200-char strings. */
    private static String key(int bits, String tags) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        String text = tags + "p=" + Base64.getEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded());
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < text.length(); i += 200) {
            strings.add("\"" + text.substring(i, Math.min(text.length(), i + 200)) + "\"");
        }
        return String.join(" ", strings);
    }

    private static DkimKey dkim(DomainAudit audit, String name) {
        return audit.dkim().stream().filter(k -> k.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no key " + name + " in " + audit.dkim()));
    }

    private static Diagnosis finding(DomainAudit audit, String code) {
        return audit.findings().stream().filter(d -> d.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " in " + audit.findings()));
    }

    private static Requirement.Result result(DomainAudit audit, String id) {
        return audit.requirements().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow().result();
    }

    @Test
    void aWellSetUpDomainPassesEveryRequirementDnsCanShow() {
        Domain strong = fixture.domain("strong.test", "TXT", "strong.test", "v=spf1 -all",
                "CNAME", "s1._domainkey.strong.test", "s2048.keys.test",
                "TXT", "_dmarc.strong.test", "v=DMARC1; p=quarantine; rua=mailto:d@reports.test");
        DomainAudit audit = fixture.checkAndAudit(knot.address(), strong).get(0);

        DkimKey key = dkim(audit, "s1._domainkey.strong.test");
        assertEquals(DkimKey.Strength.STRONG, key.strength(), key.message());
        assertEquals(2048, key.bits());
        assertEquals("s2048.keys.test", key.keyName(), "the key is read behind the CNAME");
        // RFC 7489 §7.1: reports.test agreed to take strong.test's reports
        assertEquals(Severity.INFO, finding(audit, "DMARC_REPORTS_AUTHORISED").severity());
        assertTrue(finding(audit, "MTA_STS").message().contains("mode enforce"), audit.findings().toString());
        assertTrue(finding(audit, "TLS_RPT").message().contains("mailto:tls@strong.test"));
        for (String id : List.of("spf", "dkim", "dmarc", "alignment")) {
            assertEquals(Requirement.Result.PASS, result(audit, id), id + ": " + audit.requirements());
        }
        for (String id : List.of("ptr", "tls", "unsubscribe", "spam-rate")) {
            assertEquals(Requirement.Result.NOT_IN_DNS, result(audit, id), id);
        }
        assertEquals(audit, fixture.audits.find(strong.id()).orElseThrow(), "stored as judged");
    }

    /** RFC 8301 §3.2 (1024 minimum, 2048 recommended), RFC 6376 §3.6.1 (empty p= revokes, t=y testing). */
    @Test
    void dkimKeysAreJudgedByTheirModulusLength() {
        DomainAudit audit = fixture.audit(knot.address(), domainAgain("weak.test"));

        DkimKey k512 = dkim(audit, "s512._domainkey.weak.test");
        assertEquals(DkimKey.Strength.TOO_SHORT, k512.strength());
        assertEquals(512, k512.bits());
        DkimKey k1024 = dkim(audit, "s1024._domainkey.weak.test");
        assertEquals(DkimKey.Strength.ACCEPTED, k1024.strength());
        assertEquals(1024, k1024.bits());
        assertTrue(k1024.testing() && k1024.message().contains("t=y"), k1024.message());
        assertEquals(DkimKey.Strength.REVOKED, dkim(audit, "old._domainkey.weak.test").strength());
        DkimKey gone = dkim(audit, "gone._domainkey.weak.test");
        assertEquals(DkimKey.Strength.MISSING, gone.strength(), gone.message());
        assertTrue(gone.message().contains("nothing.keys.test"), gone.message());
        assertEquals(Requirement.Result.PASS, result(audit, "dkim"), "the 1024-bit key is accepted");
    }

    @Test
    void aNullMxIsRecognisedAndExplained() {
        DomainAudit audit = fixture.audit(knot.address(), domainAgain("weak.test"));
        Diagnosis nullMx = finding(audit, "NULL_MX");
        assertEquals(Severity.INFO, nullMx.severity());
        assertTrue(nullMx.message().contains("accepts no mail") && nullMx.message().contains("RFC 7505"), nullMx.message());
    }

    /** RFC 7489 §7.1: reports to a domain outside weak.test need weak.test._report._dmarc.elsewhere.test. */
    @Test
    void reportsToAnUnauthorisedDomainAreWarnedAbout() {
        DomainAudit audit = fixture.audit(knot.address(), domainAgain("weak.test"));
        Diagnosis unauthorised = finding(audit, "DMARC_REPORTS_UNAUTHORISED");
        assertEquals(Severity.WARNING, unauthorised.severity());
        assertTrue(unauthorised.message().contains("weak.test._report._dmarc.elsewhere.test"), unauthorised.message());
        assertEquals(1, audit.findings().stream().filter(d -> d.code().startsWith("DMARC_REPORTS")).count(),
                "the address inside the domain needs no authorisation");
    }

    @Test
    void mtaStsAndTlsRptProblemsAreShownAsInformation() {
        DomainAudit weak = fixture.audit(knot.address(), domainAgain("weak.test"));
        assertTrue(finding(weak, "MTA_STS_POLICY_UNAVAILABLE").message().contains("HTTP 404"), weak.findings().toString());
        assertTrue(finding(weak, "TLS_RPT_INVALID").message().contains("ftp://"));

        DomainAudit unlisted = fixture.audit(knot.address(), domainAgain("unlisted.test"));
        assertTrue(finding(unlisted, "MTA_STS_MX_UNLISTED").message().contains("mx.unlisted.test"),
                unlisted.findings().toString());
        assertEquals(Severity.INFO, finding(unlisted, "TLS_RPT_ABSENT").severity());
    }

    /** RFC 8461 §3.3: the policy host's certificate must be valid for mta-sts.<domain>. */
    @Test
    void aPolicyServedWithACertificateForAnotherNameIsUnavailable() {
        DomainAudit audit = fixture.audit(knot.address(), domainAgain("wrongcert.test"));
        Diagnosis d = finding(audit, "MTA_STS_POLICY_UNAVAILABLE");
        assertFalse(audit.findings().stream().anyMatch(f -> f.code().equals("MTA_STS")), audit.findings().toString());
        assertTrue(d.message().toLowerCase().contains("mta-sts.wrongcert.test"), d.message());
    }

    @Test
    void theChecklistFailsWhatDnsShowsIsMissing() {
        DomainAudit audit = fixture.checkAndAudit(knot.address(), domainAgain("unlisted.test")).get(0);
        assertEquals(Requirement.Result.FAIL, result(audit, "spf"), audit.requirements().toString());
        assertEquals(Requirement.Result.NOT_IN_DNS, result(audit, "dkim"), "no selector known");
        assertEquals(Requirement.Result.FAIL, result(audit, "dmarc"));
        assertEquals(Requirement.Result.FAIL, result(audit, "alignment"));
    }

    /**
     * RFC 7489 §6.6.3 and §3.2: without a record at {@code _dmarc.mail.example.co.uk}, the policy is the organisational
     * domain's, which the Public Suffix List makes {@code example.co.uk} (not the last two labels, {@code co.uk}); and
     * reports to the organisational domain need no authorisation record (§7.1).
     */
    @Test
    void aSubdomainFallsBackToItsOrganisationalDomainsPolicy() {
        DomainAudit audit = fixture.audit(knot.address(), domainAgain("mail.example.co.uk"));
        assertEquals(Requirement.Result.PASS, result(audit, "dmarc"), audit.requirements().toString());
        assertTrue(audit.requirements().stream().filter(r -> r.id().equals("dmarc")).findFirst().orElseThrow()
                .toString().contains("_dmarc.example.co.uk"), audit.requirements().toString());
        assertEquals(0, audit.findings().stream().filter(d -> d.code().startsWith("DMARC_REPORTS")).count(),
                audit.findings().toString());
    }

    private static Domain domainAgain(String name) {
        return fixture.repository.findAll().stream().filter(d -> d.name().ascii().equals(name)).findFirst()
                .orElseGet(() -> fixture.domain(name));
    }
}
