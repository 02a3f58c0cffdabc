package dev.domaindesk.api.testing;

import dev.domaindesk.store.Database;
import dev.domaindesk.testing.StoreDump;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The whole store as text: the foundation's tables plus the api tables, for before/after comparisons. */
public final class FullDump {
    private FullDump() {
    }

    public static String of(Database db) {
        StringBuilder out = new StringBuilder(StoreDump.of(db));
        try (Connection c = db.connection(); Statement st = c.createStatement()) {
            for (String table : new String[] {"remote_check", "api_key"}) {
                out.append("## ").append(table).append('\n');
                try (ResultSet rs = st.executeQuery("SELECT * FROM " + table + " ORDER BY 1")) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            out.append(rs.getString(i)).append('|');
                        }
                        out.append('\n');
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }
}
