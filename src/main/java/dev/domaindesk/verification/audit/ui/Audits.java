package dev.domaindesk.verification.audit.ui;

import dev.domaindesk.verification.audit.DomainAudit;
import java.util.Optional;

/** What the checklist needs of the audit service. Both calls block: the view model runs them in the background. */
public interface Audits {
    Audits NONE = new Audits() {
        @Override
        public Optional<DomainAudit> latest(String domainId) {
            return Optional.empty();
        }

        @Override
        public Optional<DomainAudit> run(String domainId) {
            return Optional.empty();
        }
    };

    /** The stored audit of the domain, if any. */
    Optional<DomainAudit> latest(String domainId);

    /** Audits the domain now (with the stored DNS settings) and stores the audit; empty if the domain is gone. */
    Optional<DomainAudit> run(String domainId);
}
