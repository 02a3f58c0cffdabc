package dev.domaindesk.testing;

import dev.domaindesk.store.Database;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The whole content of the store as text, every table ordered, for before/after comparisons. */
public final class StoreDump {
    private static final List<String> TABLES = List.of("domain", "dns_record", "record_check", "setting");

    private StoreDump() {
    }

    public static String of(Database db) {
        StringBuilder out = new StringBuilder();
        try (Connection c = db.connection(); Statement st = c.createStatement()) {
            for (String table : TABLES) {
                out.append("## ").append(table).append('\n');
                try (ResultSet rs = st.executeQuery("SELECT * FROM " + table + " ORDER BY 1, 2")) {
                    int columns = rs.getMetaData().getColumnCount();
                    List<String> rows = new ArrayList<>();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= columns; i++) {
                            row.append(rs.getString(i)).append('|');
                        }
                        rows.add(row.toString());
                    }
                    rows.forEach(r -> out.append(r).append('\n'));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }
}
