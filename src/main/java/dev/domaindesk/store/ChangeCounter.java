package dev.domaindesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The store's count of committed changes. Every transaction that wrote adds one just before it commits (the row
 * is locked only from then to the commit). This process remembers the last count it knows to include every
 * change; a count beyond it means another process changed the store.
 */
final class ChangeCounter {
    private long known = -1;

    long read(Database db) {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT change_count FROM store_change WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new StoreException("cannot read the store's change counter: " + e.getMessage(), e);
        }
    }

    /** In a transaction about to commit: counts it if it wrote anything; returns the new count, or -1. */
    static long countIfWritten(Dialect dialect, Connection c) throws SQLException {
        if (!dialect.wrote(c)) {
            return -1;
        }
        try (PreparedStatement ps = c.prepareStatement(dialect.countChange());
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    /** After this process committed change {@code count}. */
    synchronized void committed(long count) {
        if (count == known + 1) {
            known = count;
        }
    }

    /** Starts from the count seen at open. */
    synchronized void start(long count) {
        known = count;
    }

    /** True (once) when the store's count shows changes this process did not make. */
    synchronized boolean changedElsewhere(long current) {
        if (current == known) {
            return false;
        }
        known = current;
        return true;
    }
}
