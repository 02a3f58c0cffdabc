package dev.domaindesk.store;

import static dev.domaindesk.store.Jdbc.inTransaction;

import dev.domaindesk.verification.audit.AuditJson;
import dev.domaindesk.verification.audit.AuditRepository;
import dev.domaindesk.verification.audit.DomainAudit;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The table {@code domain_audit}: one JSON document per domain. */
public final class JdbcAuditRepository implements AuditRepository {
    private static final int CHUNK = 500;

    private final Database db;

    public JdbcAuditRepository(Database db) {
        this.db = db;
    }

    @Override
    public void save(List<DomainAudit> audits) {
        for (int from = 0; from < audits.size(); from += CHUNK) {
            List<DomainAudit> chunk = audits.subList(from, Math.min(audits.size(), from + CHUNK));
            inTransaction(db, c -> {
                // only for domains still there: one removed while it was audited leaves nothing behind
                try (PreparedStatement ps = c.prepareStatement(db.dialect().upsertAuditOfExistingDomain())) {
                    for (DomainAudit a : chunk) {
                        Jdbc.setInstant(ps, 1, a.auditedAt());
                        ps.setString(2, AuditJson.toText(a));
                        ps.setString(3, a.domainId());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                return null;
            });
        }
    }

    @Override
    public Optional<DomainAudit> find(String domainId) {
        return Optional.ofNullable(find(List.of(domainId)).get(domainId));
    }

    @Override
    public Map<String, DomainAudit> find(Collection<String> domainIds) {
        List<String> ids = new ArrayList<>(domainIds);
        Map<String, DomainAudit> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            inTransaction(db, c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT domain_id, report FROM domain_audit WHERE domain_id = ANY(?)")) {
                    ps.setArray(1, c.createArrayOf("VARCHAR", chunk.toArray()));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.put(rs.getString(1), AuditJson.read(rs.getString(2)));
                        }
                    }
                }
                return null;
            });
        }
        return found;
    }
}
