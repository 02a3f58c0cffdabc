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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * CNAMEs as DNS holds them: a CNAME beside other data is illegal (RFC 1034 section 3.6.2, RFC 2181 section 10.1),
 * whichever type was asked; a chain of CNAMEs that ends at the expected target works (RFC 1034 section 3.6.2
 * lets resolvers follow it).
 */
class CnameKnotTest {
    @TempDir
    Path dir;

    private static Name n(String name) throws Exception {
        return Name.fromString(name + ".");
    }

    /** The conflicting data comes from a tiny server: Knot refuses to load a zone holding it. */
    @Test
    void aCnameBesideOtherDataIsAConflictWhicheverTypeWasAsked() throws Exception {
        Map<String, List<org.xbill.DNS.Record>> answers = Map.of(
                // a TXT token at a name that also has a CNAME; the server answers each type with its own data
                FixedAnswerServer.key("_amazonses.conflict.test.", Type.TXT),
                List.of(new TXTRecord(n("_amazonses.conflict.test"), DClass.IN, 300, "token123")),
                FixedAnswerServer.key("_amazonses.conflict.test.", Type.CNAME),
                List.of(new CNAMERecord(n("_amazonses.conflict.test"), DClass.IN, 300, n("old.example.net"))),
                // a DKIM CNAME beside the old TXT key
                FixedAnswerServer.key("sel._domainkey.conflict.test.", Type.CNAME),
                List.of(new CNAMERecord(n("sel._domainkey.conflict.test"), DClass.IN, 300, n("sel.dkim.amazonses.test"))),
                FixedAnswerServer.key("sel._domainkey.conflict.test.", Type.TXT),
                List.of(new TXTRecord(n("sel._domainkey.conflict.test"), DClass.IN, 300, "v=DKIM1; k=rsa; p=OLDKEY")),
                // a server that returns both in one answer
                FixedAnswerServer.key("conflict.test.", Type.MX),
                List.of(new CNAMERecord(n("conflict.test"), DClass.IN, 300, n("elsewhere.example.net")),
                        new org.xbill.DNS.MXRecord(n("conflict.test"), DClass.IN, 300, 10, n("inbound.example.net"))));
        try (FixedAnswerServer server = new FixedAnswerServer("conflict.test", answers);
             EngineFixture f = new EngineFixture(dir)) {
            Domain d = f.domain("conflict.test",
                    "TXT", "_amazonses.conflict.test", "token123",
                    "CNAME", "sel._domainkey.conflict.test", "sel.dkim.amazonses.test",
                    "MX", "conflict.test", "10 inbound.example.net");
            f.check(EngineFixture.via(server.address()), d);

            DnsRecord token = f.record(d, "_amazonses.conflict.test");
            verdict(token, CheckState.MISMATCH, "CNAME_CONFLICT");
            assertTrue(diagnosis(token, "CNAME_CONFLICT").message().contains("has a CNAME (to old.example.net) and also TXT"),
                    token.diagnoses().toString());
            DnsRecord dkim = f.record(d, "sel._domainkey.conflict.test");
            verdict(dkim, CheckState.MISMATCH, "CNAME_CONFLICT");
            assertTrue(diagnosis(dkim, "CNAME_CONFLICT").message().contains("p=OLDKEY"), dkim.diagnoses().toString());
            verdict(f.record(d, "conflict.test"), CheckState.MISMATCH, "CNAME_CONFLICT");
        }
    }

    @Test
    void aCnameChainEndingAtTheExpectedTargetIsVerified() {
        try (KnotServer knot = KnotServer.start(dir.resolve("knot"), Map.of("chain.test", """
                     sel._domainkey CNAME sel.dkim.corp.chain.test.
                     sel.dkim.corp CNAME sel.hop.chain.test.
                     sel.hop CNAME sel.dkim.amazonses.test.
                     other._domainkey CNAME sel.dkim.corp.chain.test.
                     """));
             EngineFixture f = new EngineFixture(dir)) {
            Domain d = f.domain("chain.test",
                    "CNAME", "sel._domainkey.chain.test", "sel.dkim.amazonses.test",
                    "CNAME", "other._domainkey.chain.test", "sel.dkim.elsewhere.test");
            f.check(EngineFixture.via(knot.address()), d);

            DnsRecord chained = f.record(d, "sel._domainkey.chain.test");
            verdict(chained, CheckState.VERIFIED, "CNAME_CHAIN");
            assertEquals(Severity.INFO, diagnosis(chained, "CNAME_CHAIN").severity());
            assertTrue(diagnosis(chained, "CNAME_CHAIN").message().contains("through a chain of 3"));
            verdict(f.record(d, "other._domainkey.chain.test"), CheckState.MISMATCH, "VALUE_MISMATCH");
        }
    }
}
