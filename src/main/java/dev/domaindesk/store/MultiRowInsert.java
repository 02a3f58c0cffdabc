package dev.domaindesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Inserts many rows with multi-row {@code INSERT ... VALUES (..), (..)} statements, batched: H2 spends most of
 * a bulk insert on per-statement overhead, so 64 rows a statement is about twice as fast as one.
 * Table and column names are constants of the caller; every value is a bound parameter.
 */
final class MultiRowInsert {
    static final int ROWS_PER_STATEMENT = 64;

    /** Binds one row's values starting at parameter {@code first}. */
    interface Binder<T> {
        void bind(PreparedStatement ps, int first, T row, int index) throws SQLException;
    }

    private MultiRowInsert() {
    }

    static <T> void run(Connection c, String table, String columns, int columnCount, List<T> rows, Binder<T> binder)
            throws SQLException {
        int full = rows.size() / ROWS_PER_STATEMENT * ROWS_PER_STATEMENT;
        if (full > 0) {
            try (PreparedStatement ps = c.prepareStatement(sql(table, columns, columnCount, ROWS_PER_STATEMENT))) {
                for (int start = 0; start < full; start += ROWS_PER_STATEMENT) {
                    for (int i = 0; i < ROWS_PER_STATEMENT; i++) {
                        binder.bind(ps, i * columnCount + 1, rows.get(start + i), start + i);
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (full < rows.size()) {
            try (PreparedStatement ps = c.prepareStatement(sql(table, columns, columnCount, 1))) {
                for (int i = full; i < rows.size(); i++) {
                    binder.bind(ps, 1, rows.get(i), i);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    private static String sql(String table, String columns, int columnCount, int rowCount) {
        String row = "(" + "?, ".repeat(columnCount - 1) + "?)";
        return "INSERT INTO " + table + " (" + columns + ") VALUES " + String.join(", ", java.util.Collections.nCopies(rowCount, row));
    }
}
