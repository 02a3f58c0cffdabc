package dev.domaindesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainName;
import dev.domaindesk.domains.DomainStatus;
import dev.domaindesk.domains.DomainWithRecords;
import dev.domaindesk.domains.RecordType;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check table (decision 0014): one row per record, under a key of the store's own, gone with its record. */
class RecordCheckTableTest {
    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void everyRecordHasOneCheckRowUnderItsOwnKeyAndLosesItWithTheRecord() throws Exception {
        try (Database db = Database.open(dir)) {
            JdbcDomainRepository repository = new JdbcDomainRepository(db);
            repository.insert(domain("d1", "one.example"), List.of(record("r1", "d1"), record("r2", "d1")));
            repository.replaceAll(List.of(new DomainWithRecords(domain("d2", "two.example"),
                    List.of(record("r3", "d2")))), List.of());
            assertEquals(3, count(db, "SELECT COUNT(*) FROM record_check"));
            assertEquals(3, count(db, "SELECT COUNT(DISTINCT record_key) FROM dns_record"));

            DnsRecord checked = record("r1", "d1").withCheck(true, CheckState.VERIFIED, List.of("token"), List.of(),
                    false, T0.plusSeconds(60));
            assertEquals(1, repository.saveChecks(List.of(), List.of(checked), Set.of("r1")));
            assertEquals(CheckState.VERIFIED, repository.recordsOf("d1").get(0).checkState());
            assertEquals(List.of("token"), repository.recordsOf("d1").get(0).found());

            repository.delete("d1");
            assertEquals(1, count(db, "SELECT COUNT(*) FROM record_check"));
            // a result for a record removed meanwhile is dropped, not stored under another record's key
            assertEquals(0, repository.saveChecks(List.of(), List.of(checked), Set.of("r1")));

            // records added later get keys of their own, none reused
            repository.insert(domain("d3", "three.example"), List.of(record("r4", "d3")));
            List<Long> keys = new ArrayList<>();
            try (Connection c = db.connection();
                 PreparedStatement ps = c.prepareStatement("SELECT record_key FROM record_check ORDER BY record_key");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getLong(1));
                }
            }
            assertEquals(2, keys.size());
            assertEquals(2, new HashSet<>(keys).size());
            assertEquals(CheckState.UNCHECKED, repository.recordsOf("d3").get(0).checkState());
        }
    }

    private static int count(Database db, String sql) throws Exception {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static Domain domain(String id, String name) {
        return new Domain(id, new DomainName(name), DomainStatus.PENDING, null, T0, T0, null, null, null, null, null);
    }

    private static DnsRecord record(String id, String domainId) {
        return DnsRecord.fromService(id, domainId, RecordType.TXT, "_amazonses." + domainId + ".example", "token",
                null, true, false, null, T0, T0);
    }
}
