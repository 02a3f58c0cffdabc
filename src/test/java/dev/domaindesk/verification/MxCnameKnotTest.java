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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MX and CNAME rules against a real Knot. */
class MxCnameKnotTest {
    private static final String INBOUND = "10 inbound-smtp.us-east-1.amazonaws.com";

    @TempDir
    static Path dir;
    static KnotServer knot;
    static EngineFixture f;

    @BeforeAll
    static void start() {
        knot = KnotServer.start(dir.resolve("knot"), Map.of(
                "mx.test", """
                        @ MX 10 INBOUND-SMTP.us-east-1.amazonaws.com.
                        conflict MX 10 inbound-smtp.us-east-1.amazonaws.com.
                        conflict MX 5 mail.other.test.
                        backup MX 10 inbound-smtp.us-east-1.amazonaws.com.
                        backup MX 20 backup.other.test.
                        prio MX 20 inbound-smtp.us-east-1.amazonaws.com.
                        appended MX 10 inbound-smtp.us-east-1.amazonaws.com.mx.test.
                        wrong MX 10 mail.other.test.
                        astext TXT "10 inbound-smtp.us-east-1.amazonaws.com"
                        alias CNAME somewhere.other.test.
                        """,
                "cname.test", """
                        ok._domainkey CNAME OK.dkim.amazonses.com.
                        flat._domainkey A 192.0.2.10
                        txtflat._domainkey TXT "v=DKIM1; p=KEY"
                        astext._domainkey TXT "astext.dkim.amazonses.test"
                        wrong._domainkey CNAME other.dkim.amazonses.com.
                        appended._domainkey CNAME appended.dkim.amazonses.com.cname.test.
                        """,
                "amazonses.test", """
                        txtflat.dkim TXT "v=DKIM1; p=KEY"
                        """));
        f = new EngineFixture(dir);
    }

    @AfterAll
    static void stop() {
        f.close();
        knot.close();
    }

    @Test
    void mxRules() {
        Domain d = f.domain("mx.test",
                "MX", "mx.test", INBOUND,
                "MX", "conflict.mx.test", INBOUND,
                "MX", "backup.mx.test", INBOUND,
                "MX", "prio.mx.test", INBOUND,
                "MX", "appended.mx.test", INBOUND,
                "MX", "wrong.mx.test", INBOUND,
                "MX", "astext.mx.test", INBOUND,
                "MX", "alias.mx.test", INBOUND);
        f.check(EngineFixture.via(knot.address()), d);

        DnsRecord apex = f.record(d, "mx.test");
        verdict(apex, CheckState.VERIFIED);
        assertEquals(List.of("10 inbound-smtp.us-east-1.amazonaws.com"), apex.found(), "compared case-insensitively");
        DnsRecord conflict = f.record(d, "conflict.mx.test");
        verdict(conflict, CheckState.MISMATCH, "MX_CONFLICT");
        assertTrue(diagnosis(conflict, "MX_CONFLICT").message().contains("mail.other.test"));
        DnsRecord backup = f.record(d, "backup.mx.test");
        verdict(backup, CheckState.VERIFIED, "MX_CONFLICT");
        assertEquals(Severity.WARNING, diagnosis(backup, "MX_CONFLICT").severity());
        verdict(f.record(d, "prio.mx.test"), CheckState.VERIFIED, "MX_PRIORITY");
        verdict(f.record(d, "appended.mx.test"), CheckState.MISMATCH, "ZONE_APPENDED");
        verdict(f.record(d, "wrong.mx.test"), CheckState.MISMATCH, "VALUE_MISMATCH");
        verdict(f.record(d, "astext.mx.test"), CheckState.MISMATCH, "WRONG_TYPE");
        verdict(f.record(d, "alias.mx.test"), CheckState.MISMATCH, "CNAME_CONFLICT");
    }

    @Test
    void cnameRules() {
        Domain d = f.domain("cname.test",
                "CNAME", "ok._domainkey.cname.test", "ok.dkim.amazonses.com",
                "CNAME", "flat._domainkey.cname.test", "flat.dkim.amazonses.test",
                "CNAME", "txtflat._domainkey.cname.test", "txtflat.dkim.amazonses.test",
                "CNAME", "astext._domainkey.cname.test", "astext.dkim.amazonses.test",
                "CNAME", "wrong._domainkey.cname.test", "wrong.dkim.amazonses.com",
                "CNAME", "appended._domainkey.cname.test", "appended.dkim.amazonses.com",
                "CNAME", "absent._domainkey.cname.test", "absent.dkim.amazonses.com");
        f.check(EngineFixture.via(knot.address()), d);

        verdict(f.record(d, "ok._domainkey.cname.test"), CheckState.VERIFIED);
        verdict(f.record(d, "flat._domainkey.cname.test"), CheckState.MISMATCH, "CNAME_FLATTENED");
        DnsRecord txtflat = f.record(d, "txtflat._domainkey.cname.test");
        verdict(txtflat, CheckState.VERIFIED, "CNAME_FLATTENED");
        assertEquals(Severity.WARNING, diagnosis(txtflat, "CNAME_FLATTENED").severity());
        verdict(f.record(d, "astext._domainkey.cname.test"), CheckState.MISMATCH, "WRONG_TYPE");
        verdict(f.record(d, "wrong._domainkey.cname.test"), CheckState.MISMATCH, "VALUE_MISMATCH");
        verdict(f.record(d, "appended._domainkey.cname.test"), CheckState.MISMATCH, "ZONE_APPENDED");
        verdict(f.record(d, "absent._domainkey.cname.test"), CheckState.MISSING, "NXDOMAIN");
    }
}
