package dev.domaindesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.domaindesk.testing.PostgresCluster;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PostgreSQL baseline and the H2 migrations build the same tables with the same columns (decision 0015): a
 * migration added for one vendor and forgotten for the other fails here. Only check_claim is PostgreSQL's alone.
 */
class SchemaParityTest {
    private static final Set<String> POSTGRESQL_ONLY = Set.of("check_claim");

    @TempDir
    Path dir;

    @Test
    void bothVendorsHaveTheSameTablesAndColumns() throws Exception {
        Set<String> h2;
        try (Database db = Database.open(dir.resolve("h2"))) {
            h2 = columns(db, "PUBLIC");
        }
        Set<String> postgres;
        try (Database db = Database.open(dir.resolve("pg"), StoreLocation.of(PostgresCluster.shared().newDatabase()),
                StoreCredentials.none())) {
            postgres = columns(db, "public");
        }
        postgres.removeIf(c -> POSTGRESQL_ONLY.contains(c.substring(0, c.indexOf('.'))));
        assertEquals(h2, postgres);
    }

    private static Set<String> columns(Database db, String schema) throws SQLException {
        Set<String> names = new TreeSet<>();
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT TABLE_NAME, COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS"
                     + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME <> 'flyway_schema_history'")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1).toLowerCase(Locale.ROOT) + "." + rs.getString(2).toLowerCase(Locale.ROOT));
                }
            }
        }
        return names;
    }
}
