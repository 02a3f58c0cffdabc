package dev.domaindesk.verification.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.Diagnosis;
import dev.domaindesk.domains.Severity;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 7489 section 6.6.3: without a record at _dmarc.<domain>, receivers apply the organisational domain's. */
class DmarcOrganizationalTest {
    /** Section 3.2: the organisational domain is the public suffix (Public Suffix List) plus one label. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "mail.example.com,example.com",
        "a.b.mail.example.com,example.com",
        "example.com,example.com",
        "mail.example.co.uk,example.co.uk",
        "shop.example.github.io,example.github.io",
        "mail.example.test,example.test",   // no listed suffix: the list's default rule '*'
        "MAIL.Example.COM.,example.com",
        "co.uk,",
        "com,",
    })
    void organizationalDomain(String domain, String org) {
        assertEquals(Optional.ofNullable(org), OrganizationalDomain.of(domain));
    }

    private static final Evaluation MISSING = Evaluation.of(CheckState.MISSING, List.of(),
            Diagnoses.nxdomain("_dmarc.mail.example.com"));

    /** Rows: expected record # the organisational domain's TXT records ('|' between) # state # diagnosis codes. */
    @ParameterizedTest(name = "{0} under {1}")
    @CsvSource(delimiter = '#', value = {
        "v=DMARC1; p=quarantine#v=DMARC1; p=reject#VERIFIED#DMARC_ORGANIZATIONAL",
        "v=DMARC1; p=quarantine#v=DMARC1; p=reject; sp=none#MISSING#NXDOMAIN|DMARC_ORGANIZATIONAL",
        "v=DMARC1; p=quarantine#v=DMARC1; p=none; sp=quarantine#VERIFIED#DMARC_ORGANIZATIONAL",
        "v=DMARC1; p=quarantine#v=DMARC1; p=quarantine; pct=20#MISSING#NXDOMAIN|DMARC_ORGANIZATIONAL",
        "v=DMARC1; p=none#v=DMARC1; p=none#VERIFIED#DMARC_ORGANIZATIONAL",
        "v=DMARC1; p=none#google-site-verification=x#MISSING#NXDOMAIN",
        "v=DMARC1; p=none#v=DMARC1; p=none|v=DMARC1; p=reject#MISSING#NXDOMAIN",
    })
    void fallsBackToTheOrganizationalDomain(String expected, String orgTxts, String state, String codes) {
        Evaluation e = DmarcRule.fromOrganizationalDomain(MISSING, expected, "example.com", Arrays.asList(orgTxts.split("\\|")));
        assertEquals(CheckState.valueOf(state), e.state(), e.toString());
        assertEquals(Arrays.asList(codes.split("\\|")), e.diagnoses().stream().map(Diagnosis::code).toList());
        e.diagnoses().stream().filter(d -> d.code().equals("DMARC_ORGANIZATIONAL")).forEach(d -> {
            assertTrue(d.message().contains("_dmarc.example.com"), d.message());
            assertEquals(e.state() == CheckState.VERIFIED ? Severity.INFO : Severity.ERROR, d.severity());
        });
    }
}
