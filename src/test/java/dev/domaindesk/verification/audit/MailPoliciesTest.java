package dev.domaindesk.verification.audit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which DMARC report destinations need the receiver's consent: RFC 7489 §7.1, by organisational domain (§3.2). */
class MailPoliciesTest {

    @Test
    void reportsWithinTheOrganisationalDomainNeedNoAuthorisation() {
        assertFalse(MailPolicies.external("mail.example.co.uk", "example.co.uk"));
        assertFalse(MailPolicies.external("example.com", "reports.example.com"));
        assertFalse(MailPolicies.external("a.example.com", "b.example.com"), "siblings share example.com");
    }

    @Test
    void reportsToAnotherOrganisationalDomainNeedIt() {
        assertTrue(MailPolicies.external("example.co.uk", "other.co.uk"), "co.uk is a public suffix, not a parent");
        assertTrue(MailPolicies.external("example.com", "dmarc-reports.net"));
    }
}
