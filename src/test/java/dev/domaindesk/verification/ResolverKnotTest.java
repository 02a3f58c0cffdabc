package dev.domaindesk.verification;

import static dev.domaindesk.verification.Expect.diagnosis;
import static dev.domaindesk.verification.Expect.verdict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainName;
import dev.domaindesk.domains.Severity;
import dev.domaindesk.testing.KnotServer;
import dev.domaindesk.testing.UnboundServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Through a real recursive resolver (unbound) in front of Knot, as receivers ask: the organisational domain's
 * DMARC record for a subdomain without its own (RFC 7489 section 6.6.3), zones learnt through the resolver, and a
 * subdomain delegated to a server that never answers.
 */
class ResolverKnotTest {
    @TempDir
    static Path dir;
    static KnotServer knot;
    static UnboundServer unbound;
    static EngineFixture f;

    @BeforeAll
    static void start() {
        knot = KnotServer.start(dir.resolve("knot"), Map.of(
                "example.test", """
                        _dmarc TXT "v=DMARC1; p=reject; sp=quarantine; rua=mailto:d@example.test"
                        shop NS ns1.shop.example.test.
                        ns1.shop A 127.0.0.1
                        dead NS ns.dead.example.test.
                        ns.dead A 127.0.0.9
                        """,
                "shop.example.test", "mx MX 10 inbound.example.test.",
                "weak.test", "_dmarc TXT \"v=DMARC1; p=none\""));
        unbound = UnboundServer.start(dir.resolve("unbound"), knot, List.of("example.test", "shop.example.test", "weak.test"));
        f = new EngineFixture(dir);
    }

    @AfterAll
    static void stop() {
        f.close();
        unbound.close();
        knot.close();
    }

    /** Section 6.6.3: no record at _dmarc.mail.example.test, so receivers apply example.test's sp=quarantine. */
    @Test
    void aSubdomainWithoutItsOwnDmarcIsCoveredByTheOrganizationalDomainsPolicy() {
        Domain mail = f.domain("mail.example.test", "TXT", "_dmarc.mail.example.test", "v=DMARC1; p=quarantine");
        f.check(EngineFixture.via(unbound.address()), mail);
        DnsRecord r = f.record(mail, "_dmarc.mail.example.test");
        verdict(r, CheckState.VERIFIED, "DMARC_ORGANIZATIONAL");
        assertEquals(Severity.INFO, diagnosis(r, "DMARC_ORGANIZATIONAL").severity());
        assertTrue(diagnosis(r, "DMARC_ORGANIZATIONAL").message().contains("_dmarc.example.test (sp=quarantine)"));
        assertEquals(new DomainName("example.test"), f.reload(mail).zone(), "learnt through the resolver");
    }

    /** The organisational domain's policy is weaker than required: not verified, and the diagnosis says where from. */
    @Test
    void aWeakerOrganizationalPolicyIsNotVerified() {
        Domain shop = f.domain("shop.example.test", "TXT", "_dmarc.shop.example.test", "v=DMARC1; p=reject");
        Domain weak = f.domain("news.weak.test", "TXT", "_dmarc.news.weak.test", "v=DMARC1; p=quarantine");
        f.check(EngineFixture.via(unbound.address()), shop, weak);
        DnsRecord s = f.record(shop, "_dmarc.shop.example.test");
        verdict(s, CheckState.MISSING, "NXDOMAIN", "DMARC_ORGANIZATIONAL");
        assertTrue(diagnosis(s, "DMARC_ORGANIZATIONAL").message().contains("weaker than the required p=reject"));
        assertEquals(new DomainName("shop.example.test"), f.reload(shop).zone(), "a delegated subdomain is its own zone");
        verdict(f.record(weak, "_dmarc.news.weak.test"), CheckState.MISSING, "NXDOMAIN", "DMARC_ORGANIZATIONAL");
    }

    /** A delegation to a server that never answers: a DNS error, never "missing", and the zone stays unknown. */
    @Test
    void aSubdomainDelegatedToADeadServerIsADnsErrorWithItsZoneUnknown() {
        Domain dead = f.domain("dead.example.test", "TXT", "_dmarc.dead.example.test", "v=DMARC1; p=none",
                "MX", "dead.example.test", "10 inbound.example.test");
        f.check(EngineFixture.via(unbound.address()), dead);
        for (DnsRecord r : f.records(dead)) {
            assertEquals(CheckState.DNS_ERROR, r.checkState(), r.name() + " " + r.diagnoses());
        }
        assertNull(f.reload(dead).zone());
    }
}
