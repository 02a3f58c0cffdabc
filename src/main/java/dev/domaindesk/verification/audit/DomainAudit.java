package dev.domaindesk.verification.audit;

import dev.domaindesk.domains.Diagnosis;
import java.time.Instant;
import java.util.List;

/**
 * What the checks no verification page makes found for one domain: DNSSEC, the DKIM keys, the receiving and
 * reporting records (null MX, DMARC report authorisation, MTA-STS, TLS-RPT), and the bulk-sender checklist.
 *
 * @param findings     the receiving and reporting records, as diagnoses (codes in docs/verification.md)
 * @param requirements the sender checklist, in a fixed order
 */
public record DomainAudit(String domainId, String domain, Instant auditedAt, Dnssec dnssec, List<DkimKey> dkim,
                          List<Diagnosis> findings, List<Requirement> requirements) {
    public DomainAudit {
        dkim = List.copyOf(dkim);
        findings = List.copyOf(findings);
        requirements = List.copyOf(requirements);
    }

    /** Counts of the checklist's results, e.g. "4 pass, 1 fail, 4 not in DNS". */
    public long count(Requirement.Result result) {
        return requirements.stream().filter(r -> r.result() == result).count();
    }
}
