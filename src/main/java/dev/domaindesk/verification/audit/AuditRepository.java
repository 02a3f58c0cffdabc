package dev.domaindesk.verification.audit;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The latest audit per domain (removed with its domain). */
public interface AuditRepository {
    /** Replaces each domain's stored audit; audits of domains removed meanwhile are dropped. */
    void save(List<DomainAudit> audits);

    Optional<DomainAudit> find(String domainId);

    /** The stored audits of these domains (those without one are absent). */
    Map<String, DomainAudit> find(Collection<String> domainIds);
}
