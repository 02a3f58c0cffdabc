package dev.domaindesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.h2.api.ErrorCode;

/** Small JDBC helpers: null-safe parameters and one-transaction work. */
final class Jdbc {
    private Jdbc() {
    }

    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    static <T> T inTransaction(Database db, Work<T> work) {
        db.turn().lock();
        try {
            return run(db, work);
        } finally {
            db.turn().unlock();
        }
    }

    private static <T> T run(Database db, Work<T> work) {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                long change = ChangeCounter.countIfWritten(c);
                c.commit();
                if (change >= 0) {
                    db.changes().committed(change);
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            if (e.getErrorCode() == ErrorCode.FILE_CORRUPTED_1) {
                throw Database.damaged(db.directory(), "H2 cannot read part of the store file (" + e.getMessage()
                        .lines().findFirst().orElse("") + ")", e);
            }
            throw new StoreException("the store could not complete the operation: " + e.getMessage(), e);
        }
    }

    static void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, value.atOffset(ZoneOffset.UTC));
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
