package dev.domaindesk.verification.audit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.domains.Diagnosis;
import dev.domaindesk.domains.Severity;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The audit's CSV sheet runs no formula in a spreadsheet (OWASP, CSV Injection), as the records' CSV export. */
class AuditCsvTest {

    @Test
    void aCellThatWouldRunAsAFormulaGetsALeadingQuote() throws Exception {
        DomainAudit audit = new DomainAudit("d1", "example.com", Instant.parse("2026-12-07T10:00:00Z"),
                new Dnssec(Dnssec.State.INSECURE, "no DS"),
                List.of(new DkimKey("=cmd|' /C calc'!A0._domainkey.example.com", "k", DkimKey.Strength.MISSING, "rsa",
                        0, false, "none")),
                List.of(new Diagnosis("NULL_MX", Severity.INFO, "x")),
                List.of(new Requirement("spf", "SPF", "all", Requirement.Result.FAIL, "@SUM(1+1) found at example.com")));
        StringWriter out = new StringWriter();
        AuditCsv.write(List.of(audit), out);
        String csv = out.toString();
        assertTrue(csv.contains("'@SUM(1+1) found at example.com"), csv);
        assertTrue(csv.contains("'=cmd|' /C calc'!A0._domainkey.example.com missing"), csv);
        assertFalse(csv.contains(",=cmd") || csv.contains(",@SUM"), csv);
    }
}
