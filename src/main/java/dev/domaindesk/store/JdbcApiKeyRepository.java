package dev.domaindesk.store;

import static dev.domaindesk.store.Jdbc.getInstant;
import static dev.domaindesk.store.Jdbc.inTransaction;

import dev.domaindesk.apikeys.ApiKeyInfo;
import dev.domaindesk.apikeys.ApiKeyRepository;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The H2 table {@code api_key}: names, SHA-256 hashes and dates of the server's Bearer keys. */
public final class JdbcApiKeyRepository implements ApiKeyRepository {
    private static final String INFO = "SELECT name, key_prefix, created_at, last_used_at, revoked_at FROM api_key";

    private final Database db;

    public JdbcApiKeyRepository(Database db) {
        this.db = db;
    }

    @Override
    public boolean insert(String name, byte[] hash, String prefix, Instant createdAt) {
        return inTransaction(db, c -> {
            Optional<ApiKeyInfo> existing = query(c, INFO + " WHERE name = ?", name).stream().findFirst();
            if (existing.isPresent() && existing.get().active()) {
                return false;
            }
            String sql = existing.isPresent()
                    ? "UPDATE api_key SET key_hash = ?, key_prefix = ?, created_at = ?, last_used_at = NULL,"
                            + " revoked_at = NULL WHERE name = ?"
                    : "INSERT INTO api_key (key_hash, key_prefix, created_at, name) VALUES (?, ?, ?, ?)";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setBytes(1, hash);
                ps.setString(2, prefix);
                Jdbc.setInstant(ps, 3, createdAt);
                ps.setString(4, name);
                ps.executeUpdate();
            }
            return true;
        });
    }

    @Override
    public List<ApiKeyInfo> list() {
        return inTransaction(db, c -> query(c, INFO + " ORDER BY name", null));
    }

    @Override
    public Optional<ApiKeyInfo> find(String name) {
        return inTransaction(db, c -> query(c, INFO + " WHERE name = ?", name)).stream().findFirst();
    }

    @Override
    public boolean revoke(String name, Instant when) {
        return inTransaction(db, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE api_key SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL")) {
                Jdbc.setInstant(ps, 1, when);
                ps.setString(2, name);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public List<StoredHash> activeHashes() {
        return inTransaction(db, c -> {
            List<StoredHash> result = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT name, key_hash FROM api_key WHERE revoked_at IS NULL");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new StoredHash(rs.getString(1), rs.getBytes(2)));
                }
            }
            return result;
        });
    }

    @Override
    public void touch(String name, Instant when) {
        inTransaction(db, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE api_key SET last_used_at = ? WHERE name = ?")) {
                Jdbc.setInstant(ps, 1, when);
                ps.setString(2, name);
                return ps.executeUpdate();
            }
        });
    }

    private static List<ApiKeyInfo> query(java.sql.Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (name != null) {
                ps.setString(1, name);
            }
            List<ApiKeyInfo> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new ApiKeyInfo(rs.getString("name"), rs.getString("key_prefix"),
                            getInstant(rs, "created_at"), getInstant(rs, "last_used_at"), getInstant(rs, "revoked_at")));
                }
            }
            return result;
        }
    }
}
