package dev.domaindesk.store;

import static dev.domaindesk.store.Jdbc.inTransaction;

import dev.domaindesk.settings.SettingsRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/** The {@code setting} table: one row a key. */
public final class JdbcSettingsRepository implements SettingsRepository {
    private final Database db;

    public JdbcSettingsRepository(Database db) {
        this.db = db;
    }

    @Override
    public Optional<String> get(String key) {
        return inTransaction(db, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT setting_value FROM setting WHERE setting_key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void put(String key, String value) {
        putAll(Map.of(key, value));
    }

    @Override
    public void putAll(Map<String, String> values) {
        if (values.isEmpty()) {
            return;
        }
        inTransaction(db, c -> merge(db.dialect(), c, values));
    }

    private static int[] merge(Dialect dialect, Connection c, Map<String, String> values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(dialect.upsertSetting())) {
            for (Map.Entry<String, String> e : values.entrySet()) {
                ps.setString(1, e.getKey());
                ps.setString(2, e.getValue());
                ps.addBatch();
            }
            return ps.executeBatch();
        }
    }
}
