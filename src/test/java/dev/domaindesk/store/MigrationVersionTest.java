package dev.domaindesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.app.AppContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationVersionTest {
    @TempDir
    Path dir;

    @Test
    void theFastPathKnowsTheNewestMigration() throws Exception {
        Path migrations = Path.of(Database.class.getResource("/db/migration").toURI());
        List<String> versions;
        try (Stream<Path> files = Files.list(migrations)) {
            versions = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.matches("V[0-9_]+__.*\\.sql"))
                    .map(n -> n.substring(1, n.indexOf("__")).replace('_', '.'))
                    .sorted(Comparator.comparing(v -> List.of(v.split("\\.")).stream()
                            .map(part -> String.format("%06d", Integer.parseInt(part))).toList().toString()))
                    .toList();
        }
        assertEquals(versions.get(versions.size() - 1), Database.LATEST_MIGRATION,
                "update Database.LATEST_MIGRATION when adding a migration");
    }

    @Test
    void aReopenedStoreIsAtTheNewestVersion() throws Exception {
        new AppContext(dir, Clock.systemUTC()).close();
        try (Database db = Database.open(dir); Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM \"flyway_schema_history\""
                     + " WHERE \"success\" AND \"version\" = ?")) {
            ps.setString(1, Database.LATEST_MIGRATION);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1));
            }
        }
    }
}
