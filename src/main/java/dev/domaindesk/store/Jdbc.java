package dev.domaindesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.h2.api.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Small JDBC helpers: null-safe parameters and one-transaction work. */
final class Jdbc {
    private static final Logger LOG = LoggerFactory.getLogger(Jdbc.class);
    /** Runs of a transaction cut off before its commit (a hand-over between processes, a deadlock victim). */
    private static final int ATTEMPTS = 4;
    private Jdbc() {
    }

    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    static <T> T inTransaction(Database db, Work<T> work) {
        return inTransaction(db, true, work);
    }

    /**
     * {@code counted}: the transaction adds one to the store's change counter if it wrote. Bookkeeping that other
     * processes' windows need not reload for (a lease renewed) is not counted.
     */
    static <T> T inTransaction(Database db, boolean counted, Work<T> work) {
        db.turn().lock();
        try {
            return run(db, counted, work);
        } finally {
            db.turn().unlock();
        }
    }

    /**
     * Runs {@code work}, which only reads, in one transaction without waiting for this process's turn: a read takes
     * no row locks (H2 and PostgreSQL read a snapshot), so it cannot deadlock with a write, and a long streamed read
     * (a bulk check handing over records domain by domain) holding the turn kept the check's own writer waiting for
     * the whole load. Its statements all read one snapshot (repeatable read), so what one counted, the next reads.
     */
    static <T> T reading(Database db, Work<T> work) {
        return run(db, false, Connection.TRANSACTION_REPEATABLE_READ, work);
    }

    /**
     * Runs {@code work} in one transaction. When the transaction could not commit because the process that owns the
     * store went away (a client's connection breaks and H2 reconnects it, taking the file over) or because H2 chose
     * it as a deadlock victim against another process, nothing of it was written, so it runs again, a few times.
     * A failure at the commit itself is not repeated: the commit may have been written.
     */
    private static <T> T run(Database db, boolean counted, Work<T> work) {
        return run(db, counted, NO_ISOLATION_CHANGE, work);
    }

    private static final int NO_ISOLATION_CHANGE = -1;

    private static <T> T run(Database db, boolean counted, int isolation, Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return once(db, counted, isolation, work);
            } catch (NotCommitted e) {
                if (attempt >= ATTEMPTS || !db.dialect().repeatable(e.cause)) {
                    throw failed(db, e.cause);
                }
                LOG.debug("Transaction not committed ({}); running it again", e.cause.getMessage());
                pause(attempt);
            } catch (SQLException e) {
                throw failed(db, e);
            }
        }
    }

    /** The transaction failed before its commit was sent: nothing of it is in the store. */
    private static final class NotCommitted extends Exception {
        final SQLException cause;

        NotCommitted(SQLException cause) {
            super(cause);
            this.cause = cause;
        }
    }

    private static <T> T once(Database db, boolean counted, int isolation, Work<T> work)
            throws NotCommitted, SQLException {
        Connection c;
        try {
            c = db.connection();
        } catch (SQLException e) {
            throw new NotCommitted(e);
        }
        try (c) {
            if (isolation == NO_ISOLATION_CHANGE) {
                return transaction(db, c, counted, work);
            }
            int previous = c.getTransactionIsolation();
            c.setTransactionIsolation(isolation); // before the transaction: PostgreSQL refuses it within one
            T result;
            try {
                result = transaction(db, c, counted, work);
            } catch (NotCommitted | SQLException | RuntimeException e) {
                restoreQuietly(c, previous);
                throw e;
            }
            c.setTransactionIsolation(previous); // the connection goes back to the pool as it came
            return result;
        }
    }

    private static void restoreQuietly(Connection c, int isolation) {
        try {
            c.setTransactionIsolation(isolation);
        } catch (SQLException e) {
            // the connection is gone: the failure that brought us here says more
        }
    }

    private static <T> T transaction(Database db, Connection c, boolean counted, Work<T> work)
            throws NotCommitted, SQLException {
        T result;
        long change;
        try {
            c.setAutoCommit(false);
            result = work.run(c);
            change = counted ? ChangeCounter.countIfWritten(db.dialect(), c) : -1;
        } catch (SQLException e) {
            rollbackQuietly(c);
            throw new NotCommitted(e);
        } catch (RuntimeException e) {
            rollbackQuietly(c);
            throw e;
        }
        try {
            c.commit();
        } catch (SQLException e) {
            rollbackQuietly(c);
            throw e;
        }
        if (change >= 0) {
            db.committed(change);
        }
        return result;
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            // the connection is gone: so is the transaction
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(250L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for the store", e);
        }
    }

    private static StoreException failed(Database db, SQLException e) {
        if (!db.isEmbedded()) {
            if (db.dialect().connectionLost(e)) {
                return new StoreException("the connection to the store " + db.location().describe() + " was lost"
                        + " (the server stopped or the network failed); whatever this operation had not committed was"
                        + " not written: " + e.getMessage().lines().findFirst().orElse(""), e);
            }
            return new StoreException("the store could not complete the operation: " + e.getMessage(), e);
        }
        if (e.getErrorCode() == ErrorCode.FILE_CORRUPTED_1) {
            return Database.damaged(db.directory(), "H2 cannot read part of the store file (" + e.getMessage()
                    .lines().findFirst().orElse("") + ")", e);
        }
        if (e.getErrorCode() == ErrorCode.CONNECTION_BROKEN_1 || e.getErrorCode() == ErrorCode.DATABASE_IS_CLOSED
                || e.getErrorCode() == ErrorCode.DATABASE_CALLED_AT_SHUTDOWN) {
            return new StoreException("the store was closed under this operation (the DomainDesk process that served"
                    + " it stopped" + (e.getErrorCode() == ErrorCode.CONNECTION_BROKEN_1 ? " or was killed" : "")
                    + "); whatever it had not committed was not written: " + e.getMessage().lines().findFirst()
                    .orElse(""), e);
        }
        return new StoreException("the store could not complete the operation: " + e.getMessage(), e);
    }

    static void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            // not Instant.atOffset: on Java 17 that builds a new ZoneRules (with a map) for every value
            ps.setObject(index, OffsetDateTime.of(LocalDateTime.ofEpochSecond(value.getEpochSecond(), value.getNano(),
                    ZoneOffset.UTC), ZoneOffset.UTC));
        }
    }

    static Instant getInstant(ResultSet rs, String column) throws SQLException {
        return getInstant(rs, rs.findColumn(column));
    }

    static void setInteger(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    static void setBoolean(PreparedStatement ps, int index, Boolean value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BOOLEAN);
        } else {
            ps.setBoolean(index, value);
        }
    }

    static Instant getInstant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Integer getInteger(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    static Boolean getBoolean(ResultSet rs, int column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }

    static Integer getInteger(ResultSet rs, String column) throws SQLException {
        return getInteger(rs, rs.findColumn(column));
    }

    static Boolean getBoolean(ResultSet rs, String column) throws SQLException {
        return getBoolean(rs, rs.findColumn(column));
    }

}
