package dev.domaindesk.store;

import static dev.domaindesk.store.Jdbc.getInstant;
import static dev.domaindesk.store.Jdbc.inTransaction;

import dev.domaindesk.domains.RemoteCheckRepository;
import dev.domaindesk.domains.DomainStatus;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.Optional;

/** The table {@code remote_check} and the service-verdict columns of {@code domain} and {@code dns_record}. */
public final class JdbcRemoteCheckRepository implements RemoteCheckRepository {
    private final Database db;

    public JdbcRemoteCheckRepository(Database db) {
        this.db = db;
    }

    @Override
    public boolean save(String domainId, DomainStatus serviceStatus, Map<String, Boolean> serviceVerified, Stored check) {
        return inTransaction(db, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE domain SET service_status = ? WHERE id = ?")) {
                ps.setString(1, serviceStatus == null ? null : serviceStatus.wire());
                ps.setString(2, domainId);
                if (ps.executeUpdate() == 0) {
                    return false;
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE dns_record SET service_verified = ? WHERE id = ? AND domain_id = ?")) {
                for (Map.Entry<String, Boolean> e : serviceVerified.entrySet()) {
                    ps.setBoolean(1, e.getValue());
                    ps.setString(2, e.getKey());
                    ps.setString(3, domainId);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement(db.dialect().upsertRemoteCheck())) {
                ps.setString(1, domainId);
                Jdbc.setInstant(ps, 2, check.checkedAt());
                ps.setString(3, check.verificationCheckJson());
                ps.setString(4, check.authRecommendationsJson());
                ps.executeUpdate();
            }
            return true;
        });
    }

    @Override
    public Optional<Stored> find(String domainId) {
        return inTransaction(db, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT checked_at, verification_check, auth_recommendations"
                    + " FROM remote_check WHERE domain_id = ?")) {
                ps.setString(1, domainId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Stored(domainId, getInstant(rs, "checked_at"),
                            rs.getString("verification_check"), rs.getString("auth_recommendations")))
                            : Optional.<Stored>empty();
                }
            }
        });
    }
}
