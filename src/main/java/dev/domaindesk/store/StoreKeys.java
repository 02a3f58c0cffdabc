package dev.domaindesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The store's own integer keys ({@code store_key}), drawn in blocks. A block is drawn and committed on a connection
 * of its own, so a long import does not hold the counter's row lock (another process adding a domain would wait for
 * it); keys of a transaction that then rolls back are simply never used.
 */
final class StoreKeys {
    private StoreKeys() {
    }

    /** Reserves {@code count} consecutive keys of {@code kind} and returns the first. */
    static long draw(Database db, String kind, int count) throws SQLException {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                long next;
                try (PreparedStatement up = c.prepareStatement(
                        "UPDATE store_key SET next_key = next_key + ? WHERE name = ?")) {
                    up.setLong(1, count);
                    up.setString(2, kind);
                    if (up.executeUpdate() != 1) {
                        throw new SQLException("the store has no key counter '" + kind + "'");
                    }
                }
                try (PreparedStatement q = c.prepareStatement("SELECT next_key FROM store_key WHERE name = ?")) {
                    q.setString(1, kind);
                    try (ResultSet rs = q.executeQuery()) {
                        rs.next();
                        next = rs.getLong(1);
                    }
                }
                c.commit();
                return next - count;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }
}
