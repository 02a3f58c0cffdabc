package dev.domaindesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.h2.api.ErrorCode;
import org.h2.jdbc.JdbcConnection;

/**
 * The SQL that differs between the embedded H2 store and PostgreSQL: upserts (H2's {@code MERGE ... KEY}, PostgreSQL's
 * {@code INSERT ... ON CONFLICT}), counting a change that wrote, and which failures left nothing written and may run
 * again. Everything else the repositories send runs unchanged on both.
 */
enum Dialect {
    H2("h2") {
        @Override
        List<String> lazyReads(boolean on) {
            return List.of("SET LAZY_QUERY_EXECUTION " + (on ? "TRUE" : "FALSE"));
        }

        @Override
        String upsertSetting() {
            return "MERGE INTO setting (setting_key, setting_value) KEY (setting_key) VALUES (?, ?)";
        }

        @Override
        String upsertRemoteCheck() {
            return "MERGE INTO remote_check (domain_id, checked_at, verification_check, auth_recommendations)"
                    + " KEY (domain_id) VALUES (?, ?, ?, ?)";
        }

        @Override
        String upsertAuditOfExistingDomain() {
            return "MERGE INTO domain_audit (domain_id, audited_at, report) KEY (domain_id) SELECT id, ?, ? FROM domain"
                    + " WHERE id = ?";
        }

        @Override
        boolean wrote(Connection c) throws SQLException {
            return c.unwrap(JdbcConnection.class).getSession().hasPendingTransaction();
        }

        @Override
        String countChange() {
            return "SELECT change_count FROM FINAL TABLE (UPDATE store_change SET change_count = change_count + 1"
                    + " WHERE id = 1)";
        }

        @Override
        boolean repeatable(SQLException e) {
            int code = e.getErrorCode();
            // the owner's JVM exiting answers, depending on the moment, "called at shutdown", "closed" or an I/O
            // error (EOF on its socket); the last can also be a disk's error, which then fails again after a few tries
            return code == ErrorCode.CONNECTION_BROKEN_1 || code == ErrorCode.DATABASE_IS_CLOSED
                    || code == ErrorCode.DATABASE_CALLED_AT_SHUTDOWN || code == ErrorCode.IO_EXCEPTION_1
                    || code == ErrorCode.DEADLOCK_1 || code == ErrorCode.DATABASE_ALREADY_OPEN_1
                    || code == ErrorCode.ERROR_OPENING_DATABASE_1;
        }

        @Override
        boolean connectionLost(SQLException e) {
            int code = e.getErrorCode();
            return code == ErrorCode.CONNECTION_BROKEN_1 || code == ErrorCode.DATABASE_IS_CLOSED
                    || code == ErrorCode.DATABASE_CALLED_AT_SHUTDOWN;
        }
    },

    POSTGRESQL("postgresql") {
        @Override
        List<String> lazyReads(boolean on) {
            return List.of(); // the driver reads by cursor when a fetch size is set in a transaction
        }

        @Override
        String upsertSetting() {
            return "INSERT INTO setting (setting_key, setting_value) VALUES (?, ?)"
                    + " ON CONFLICT (setting_key) DO UPDATE SET setting_value = EXCLUDED.setting_value";
        }

        @Override
        String upsertRemoteCheck() {
            return "INSERT INTO remote_check (domain_id, checked_at, verification_check, auth_recommendations)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT (domain_id) DO UPDATE SET checked_at = EXCLUDED.checked_at,"
                    + " verification_check = EXCLUDED.verification_check,"
                    + " auth_recommendations = EXCLUDED.auth_recommendations";
        }

        @Override
        String upsertAuditOfExistingDomain() {
            return "INSERT INTO domain_audit (domain_id, audited_at, report) SELECT id, ?, ? FROM domain WHERE id = ?"
                    + " ON CONFLICT (domain_id) DO UPDATE SET audited_at = EXCLUDED.audited_at,"
                    + " report = EXCLUDED.report";
        }

        @Override
        boolean wrote(Connection c) throws SQLException {
            // a transaction gets an id at its first write (PostgreSQL 13 and later)
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_current_xact_id_if_assigned() IS NOT NULL");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }

        @Override
        String countChange() {
            return "UPDATE store_change SET change_count = change_count + 1 WHERE id = 1 RETURNING change_count";
        }

        @Override
        boolean repeatable(SQLException e) {
            String state = String.valueOf(e.getSQLState());
            // serialization failure, deadlock victim, or the connection lost before the commit was sent
            return state.equals("40001") || state.equals("40P01") || state.startsWith("08")
                    || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
        }

        @Override
        boolean connectionLost(SQLException e) {
            String state = String.valueOf(e.getSQLState());
            return state.startsWith("08") || state.startsWith("57P");
        }
    };

    private final String vendor;

    Dialect(String vendor) {
        this.vendor = vendor;
    }

    /** Flyway's locations: this vendor's migrations and those written once for both. */
    String[] migrationLocations() {
        return new String[] {"classpath:db/migration/" + vendor, "classpath:db/migration/common"};
    }

    String vendor() {
        return vendor;
    }

    abstract String upsertSetting();

    abstract String upsertRemoteCheck();

    /** Parameters: audited_at, report, domain id; writes nothing when the domain is gone. */
    abstract String upsertAuditOfExistingDomain();

    /** In a transaction about to commit: whether it wrote anything. */
    abstract boolean wrote(Connection c) throws SQLException;

    /** Adds one to the change counter and answers the new count. */
    abstract String countChange();

    /** The transaction did not commit and running it again may succeed. */
    abstract boolean repeatable(SQLException e);

    /** The store went away under the operation (a process that served it, the server, the network). */
    abstract boolean connectionLost(SQLException e);

    /**
     * Statements that make this connection hand rows over as they are read ({@code on}) and back ({@code !on});
     * empty where a fetch size is enough. H2 otherwise computes a whole result before its first row.
     */
    abstract List<String> lazyReads(boolean on);

    /** A unique key already taken; both stores answer the SQL standard's state. */
    static boolean duplicateKey(SQLException e) {
        return "23505".equals(e.getSQLState()) || e.getErrorCode() == ErrorCode.DUPLICATE_KEY_1;
    }
}
