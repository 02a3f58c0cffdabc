package dev.domaindesk.verification.audit.ui;

import dev.domaindesk.domains.Diagnosis;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainName;
import dev.domaindesk.domains.DomainStatus;
import dev.domaindesk.domains.Severity;
import dev.domaindesk.verification.audit.DkimKey;
import dev.domaindesk.verification.audit.Dnssec;
import dev.domaindesk.verification.audit.DomainAudit;
import dev.domaindesk.verification.audit.Requirement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An in-memory audit service: stored audits per domain, and what the next run returns; counts the runs. */
final class AuditFakes implements Audits {
    final Map<String, DomainAudit> stored = new HashMap<>();
    final Map<String, DomainAudit> next = new HashMap<>();
    final List<String> runs = new ArrayList<>();

    @Override
    public synchronized Optional<DomainAudit> latest(String domainId) {
        return Optional.ofNullable(stored.get(domainId));
    }

    @Override
    public synchronized Optional<DomainAudit> run(String domainId) {
        runs.add(domainId);
        DomainAudit a = next.get(domainId);
        if (a != null) {
            stored.put(domainId, a);
        }
        return Optional.ofNullable(a);
    }

    static Domain domain(String id, String name, Instant lastCheck) {
        Instant t = Instant.parse("2026-12-01T00:00:00Z");
        return new Domain(id, DomainName.parse(name), DomainStatus.PENDING, "test", t, t, lastCheck, t, null,
                Domain.ServiceFields.NONE);
    }

    /** An audit whose dmarc item fails and whose DNSSEC is {@code state}. */
    static DomainAudit audit(String domainId, String name, Instant at, Dnssec.State state, Requirement.Result dmarc) {
        return new DomainAudit(domainId, name, at, new Dnssec(state, "why " + state),
                List.of(new DkimKey("s1._domainkey." + name, "s1._domainkey." + name, DkimKey.Strength.ACCEPTED, "rsa",
                        1024, false, "RSA key of 1024 bits: accepted, but 2048 bits are recommended (RFC 8301 §3.2).")),
                List.of(new Diagnosis("NULL_MX", Severity.INFO, name + " publishes a null MX (0 .)")),
                List.of(new Requirement("spf", "SPF published and valid, within 10 DNS lookups", "Gmail, Yahoo, Outlook.com",
                                Requirement.Result.PASS, "Verified at " + name + "."),
                        new Requirement("dmarc", "DMARC published, p=none or stricter", "Gmail, Yahoo, Outlook.com", dmarc,
                                dmarc == Requirement.Result.PASS ? "p=none." : "No DMARC record at _dmarc." + name + "."),
                        new Requirement("spam-rate", "Spam complaint rate under 0.3 %", "Gmail, Yahoo, Outlook.com",
                                Requirement.Result.NOT_IN_DNS, "Known only to receivers.")));
    }
}
