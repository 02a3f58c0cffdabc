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

    /** Both vendors' newest migration is the one the fast path knows (common/ counts for both). */
    @Test
    void theFastPathKnowsTheNewestMigration() throws Exception {
        for (Dialect dialect : Dialect.values()) {
            List<String> versions = new java.util.ArrayList<>();
            for (String location : dialect.migrationLocations()) {
                java.net.URL found = Database.class.getResource("/" + location.substring("classpath:".length()));
                if (found == null) {
                    continue;
                }
                try (Stream<Path> files = Files.list(Path.of(found.toURI()))) {
                    files.map(f -> f.getFileName().toString())
                            .filter(n -> n.matches("V[0-9_]+__.*\\.sql"))
                            .map(n -> n.substring(1, n.indexOf("__")).replace('_', '.'))
                            .forEach(versions::add);
                }
            }
            versions.sort(Comparator.comparing(v -> List.of(v.split("\\.")).stream()
                    .map(part -> String.format("%06d", Integer.parseInt(part))).toList().toString()));
            assertEquals(versions.get(versions.size() - 1), Database.LATEST_MIGRATION,
                    "update Database.LATEST_MIGRATION when adding a migration (" + dialect + ")");
        }
    }

    /**
     * The H2 migrations kept their versions and contents when they moved to db/migration/h2 (Flyway compares
     * checksums of the scripts with those an existing store recorded; the folder is not part of it).
     */
    @Test
    void anH2StoreMadeBeforeTheMoveStillValidates() throws Exception {
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve(Database.FILE_NAME);
        org.flywaydb.core.Flyway.configure().dataSource(url, "domaindesk", "").locations("classpath:db/migration/h2")
                .load().migrate();
        var validated = org.flywaydb.core.Flyway.configure().dataSource(url, "domaindesk", "")
                .locations(Dialect.H2.migrationLocations()).load().validateWithResult();
        assertTrue(validated.validationSuccessful, String.valueOf(validated.invalidMigrations));
        java.util.Map<String, Integer> recorded = new java.util.LinkedHashMap<>();
        try (Connection c = java.sql.DriverManager.getConnection(url, "domaindesk", "");
             PreparedStatement ps = c.prepareStatement("SELECT \"version\", \"checksum\" FROM \"flyway_schema_history\""
                     + " WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                recorded.put(rs.getString(1), rs.getInt(2));
            }
        }
        KNOWN_CHECKSUMS.forEach((version, checksum) -> assertEquals(checksum, recorded.get(version),
                "V" + version + "'s checksum changed: existing stores would be refused"));
    }

    /** The checksums stores made before decision 0015 recorded (db/migration as it was, Flyway 13.12.1). */
    private static final java.util.Map<String, Integer> KNOWN_CHECKSUMS = java.util.Map.ofEntries(
            java.util.Map.entry("1", 868909534), java.util.Map.entry("5.1", 549896255),
            java.util.Map.entry("5.2", 2139488759), java.util.Map.entry("6.1", 1393510668),
            java.util.Map.entry("6.2", 1487030789), java.util.Map.entry("7.1", 1082141865),
            java.util.Map.entry("9.1", -110904309), java.util.Map.entry("12.1", 381793873),
            java.util.Map.entry("13.1", 1212956550), java.util.Map.entry("16.1", -1666330692),
            java.util.Map.entry("18.1", 1326691682));

    @Test
    void foundValuesAndDiagnosesOfAnOlderStoreMoveIntoTheRecordRow() throws Exception {
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve(Database.FILE_NAME);
        org.flywaydb.core.Flyway.configure().dataSource(url, "domaindesk", "").locations("classpath:db/migration/h2")
                .target("5.2").load().migrate();
        try (Connection c = java.sql.DriverManager.getConnection(url, "domaindesk", "");
             java.sql.Statement st = c.createStatement()) {
            st.execute("INSERT INTO domain (id, name, status, created_at, updated_at)"
                    + " VALUES ('d1', 'old.example', 'pending', TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00Z',"
                    + " TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00Z')");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO dns_record (id, domain_id, position, record_type,"
                    + " name, record_value, is_required, is_verified, created_at, updated_at, check_state) VALUES (?, 'd1', 1,"
                    + " 'TXT', '_amazonses.old.example', 'token', TRUE, FALSE, TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00Z',"
                    + " TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00Z', 'mismatch')")) {
                for (String id : List.of("r1", "r2")) {
                    ps.setString(1, id);
                    ps.executeUpdate();
                }
            }
            st.execute("INSERT INTO record_found VALUES ('r1', 1, 'second'), ('r1', 0, 'first')");
            st.execute("INSERT INTO record_diagnosis VALUES ('r1', 0, 'VALUE_MISMATCH', 'error', 'expected token')");
        }
        try (Database db = Database.open(dir)) {
            var records = new JdbcDomainRepository(db).recordsOf("d1");
            var r1 = records.stream().filter(r -> r.id().equals("r1")).findFirst().orElseThrow();
            var r2 = records.stream().filter(r -> r.id().equals("r2")).findFirst().orElseThrow();
            assertEquals(List.of("first", "second"), r1.found());
            assertEquals(1, r1.diagnoses().size());
            assertEquals("VALUE_MISMATCH", r1.diagnoses().get(0).code());
            assertEquals("expected token", r1.diagnoses().get(0).message());
            assertEquals(List.of(), r2.found());
            assertEquals(List.of(), r2.diagnoses());
        }
    }

    /** Records checked before history existed start it with what they are now; unchecked ones have none. */
    @Test
    void anOlderStoresCheckedRecordsStartTheirHistory() throws Exception {
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve(Database.FILE_NAME);
        org.flywaydb.core.Flyway.configure().dataSource(url, "domaindesk", "").locations("classpath:db/migration/h2")
                .target("12.1").load().migrate();
        try (Connection c = java.sql.DriverManager.getConnection(url, "domaindesk", "");
             java.sql.Statement st = c.createStatement()) {
            st.execute("INSERT INTO domain (id, name, status, created_at, updated_at)"
                    + " VALUES ('d1', 'old.example', 'pending', TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00Z',"
                    + " TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00Z')");
            st.execute("INSERT INTO dns_record (id, domain_id, position, record_type, name, record_value, is_required,"
                    + " is_verified, created_at, updated_at, check_state, last_checked, found_values) VALUES"
                    + " ('r1', 'd1', 1, 'TXT', '_amazonses.old.example', 'token', TRUE, TRUE,"
                    + " TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00Z', TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00Z',"
                    + " 'verified', TIMESTAMP WITH TIME ZONE '2026-02-01 00:00:00Z', ARRAY['token']),"
                    + " ('r2', 'd1', 2, 'MX', 'old.example', '10 mx.old.example', TRUE, FALSE,"
                    + " TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00Z', TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00Z',"
                    + " 'unchecked', NULL, NULL)");
        }
        try (Database db = Database.open(dir)) {
            var entries = new JdbcHistoryRepository(db).ofDomain("d1");
            assertEquals(1, entries.size(), entries.toString());
            assertEquals("r1", entries.get(0).recordId());
            assertEquals(java.time.Instant.parse("2026-02-01T00:00:00Z"), entries.get(0).since());
            assertEquals(List.of("token"), entries.get(0).found());
        }
    }

    /** A store at 12.1 (before V13_1) keeps its findings, and afterwards takes findings of any length. */
    @Test
    void findingsOfAStoreAt12_1AreKeptAndLoseTheirLengthLimit() throws Exception {
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve(Database.FILE_NAME);
        org.flywaydb.core.Flyway.configure().dataSource(url, "domaindesk", "").locations("classpath:db/migration/h2")
                .target("12.1").load().migrate();
        try (Connection c = java.sql.DriverManager.getConnection(url, "domaindesk", "");
             java.sql.Statement st = c.createStatement()) {
            st.execute("INSERT INTO domain (id, name, status, created_at, updated_at, zone_apex)"
                    + " VALUES ('d1', 'old.example', 'pending', TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00Z',"
                    + " TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00Z', 'old.example')");
            st.execute("INSERT INTO dns_record (id, domain_id, position, record_type, name, record_value, is_required,"
                    + " is_verified, created_at, updated_at, check_state, found_values, diagnosis_codes,"
                    + " diagnosis_severities, diagnosis_messages) VALUES ('r1', 'd1', 1, 'TXT', '_amazonses.old.example',"
                    + " 'token', TRUE, FALSE, TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00Z',"
                    + " TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00Z', 'mismatch', ARRAY['first', 'second'],"
                    + " ARRAY['VALUE_MISMATCH'], ARRAY['error'], ARRAY['expected token'])");
        }
        try (Database db = Database.open(dir)) {
            JdbcDomainRepository repository = new JdbcDomainRepository(db);
            var r1 = repository.recordsOf("d1").get(0);
            assertEquals(List.of("first", "second"), r1.found());
            assertEquals("expected token", r1.diagnoses().get(0).message());
            assertEquals(dev.domaindesk.domains.CheckState.MISMATCH, r1.checkState());
            assertEquals("old.example", repository.findById("d1").orElseThrow().zone().ascii());

            String huge = "x".repeat(60_000);
            var checked = r1.withCheck(false, dev.domaindesk.domains.CheckState.MISMATCH, List.of(huge, huge),
                    List.of(new dev.domaindesk.domains.Diagnosis("VALUE_MISMATCH", dev.domaindesk.domains.Severity.ERROR,
                            "found " + huge + huge)), false, java.time.Instant.parse("2026-02-01T00:00:00Z"));
            assertEquals(1, repository.saveChecks(List.of(), List.of(checked)));
            var back = repository.recordsOf("d1").get(0);
            assertEquals(List.of(huge, huge), back.found());
            assertEquals(120_006, back.diagnoses().get(0).message().length());
        }
    }

    /**
     * A store at 18.1 (results in the dns_record row) moves every record's result into record_check (V19_1): state,
     * values found, diagnoses with their publish hints, times, due time, regressed, and since when the result lasts.
     */
    @Test
    void checkResultsOfAStoreAt18_1MoveIntoTheCheckTableWhole() throws Exception {
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve(Database.FILE_NAME);
        org.flywaydb.core.Flyway.configure().dataSource(url, "domaindesk", "").locations("classpath:db/migration/h2")
                .target("18.1").load().migrate();
        try (Connection c = java.sql.DriverManager.getConnection(url, "domaindesk", "");
             java.sql.Statement st = c.createStatement()) {
            st.execute("INSERT INTO domain (id, name, status, created_at, updated_at)"
                    + " VALUES ('d1', 'old.example', 'pending', TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00Z',"
                    + " TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00Z')");
            st.execute("INSERT INTO dns_record (id, domain_id, position, record_type, name, record_value, is_required,"
                    + " is_verified, created_at, updated_at, check_state, last_checked, regressed, next_check_at,"
                    + " service_verified, found_values, diagnosis_codes, diagnosis_severities, diagnosis_messages,"
                    + " diagnosis_publish, state_since) VALUES"
                    + " ('r1', 'd1', 1, 'TXT', '_dmarc.old.example', 'v=DMARC1; p=none', TRUE, FALSE,"
                    + " TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00Z', TIMESTAMP WITH TIME ZONE '2026-02-01 00:00:00Z',"
                    + " 'mismatch', TIMESTAMP WITH TIME ZONE '2026-02-01 00:00:00Z', TRUE,"
                    + " TIMESTAMP WITH TIME ZONE '2026-02-01 00:05:00Z', TRUE, ARRAY['v=DMARC1; p=reject', 'second'],"
                    + " ARRAY['VALUE_MISMATCH'], ARRAY['error'], ARRAY['expected p=none'], ARRAY['v=DMARC1; p=none'],"
                    + " TIMESTAMP WITH TIME ZONE '2026-01-15 00:00:00Z'),"
                    + " ('r2', 'd1', 2, 'MX', 'old.example', '10 mx.old.example', TRUE, FALSE,"
                    + " TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00Z', TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00Z',"
                    + " 'unchecked', NULL, FALSE, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)");
            st.execute("INSERT INTO record_history (domain_id, record_id, since, until, check_state, found_values)"
                    + " VALUES ('d1', 'r1', TIMESTAMP WITH TIME ZONE '2026-01-02 00:00:00Z',"
                    + " TIMESTAMP WITH TIME ZONE '2026-01-15 00:00:00Z', 'verified', ARRAY['v=DMARC1; p=none'])");
        }
        try (Database db = Database.open(dir)) {
            var records = new JdbcDomainRepository(db).recordsOf("d1");
            assertEquals(List.of("r1", "r2"), records.stream().map(dev.domaindesk.domains.DnsRecord::id).toList());
            var r1 = records.get(0);
            assertEquals(dev.domaindesk.domains.CheckState.MISMATCH, r1.checkState());
            assertEquals(List.of("v=DMARC1; p=reject", "second"), r1.found());
            assertEquals(List.of(new dev.domaindesk.domains.Diagnosis("VALUE_MISMATCH",
                    dev.domaindesk.domains.Severity.ERROR, "expected p=none", "v=DMARC1; p=none")), r1.diagnoses());
            assertEquals(java.time.Instant.parse("2026-02-01T00:00:00Z"), r1.lastChecked());
            assertEquals(java.time.Instant.parse("2026-02-01T00:00:00Z"), r1.updatedAt());
            assertEquals(java.time.Instant.parse("2026-02-01T00:05:00Z"), r1.nextCheckAt());
            assertTrue(r1.regressed());
            assertEquals(Boolean.TRUE, r1.serviceVerified());
            assertEquals("v=DMARC1; p=none", r1.value());
            var r2 = records.get(1);
            assertEquals(dev.domaindesk.domains.CheckState.UNCHECKED, r2.checkState());
            assertEquals(null, r2.lastChecked());
            assertEquals(Integer.valueOf(10), r2.effectivePriority());

            var history = new JdbcHistoryRepository(db).ofDomain("d1");
            assertEquals(List.of(java.time.Instant.parse("2026-01-02T00:00:00Z"),
                    java.time.Instant.parse("2026-01-15T00:00:00Z")), history.stream().map(e -> e.since()).toList());
            assertEquals(1, new ScheduleStore(db).rows(List.of("d1")).stream()
                    .filter(row -> row.nextCheckAt() != null).count());
        }
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
