import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * The floor under an import: H2 alone inserting N rows as wide as dns_record (same columns and indexes as the store's, 64 rows a
 * statement) in one transaction, into a fresh file database; then every row updated by id, 500 rows a transaction,
 * as a check stores its results. Prints the times in ms.
 * Run as DomainDesk runs a command:
 *   java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp target/lib/h2-2.3.232.jar bench/H2Floor.java [N=80000] [indexes=all|pk]
 */
public class H2Floor {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 80_000;
        boolean allIndexes = args.length < 2 || args[1].equals("all");
        Path dir = Files.createTempDirectory("h2floor");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("db") + ";MAX_COMPACT_TIME=0", "sa", "")) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE domain (id VARCHAR(64) PRIMARY KEY)");
                s.execute("CREATE TABLE dns_record (id VARCHAR(64) PRIMARY KEY, domain_id VARCHAR(64) NOT NULL"
                        + (allIndexes ? " REFERENCES domain (id) ON DELETE CASCADE" : "") + ", position INT NOT NULL,"
                        + " record_type VARCHAR(8) NOT NULL, name VARCHAR(253) NOT NULL, record_value VARCHAR(8192) NOT NULL,"
                        + " priority INT, is_required BOOLEAN NOT NULL, is_verified BOOLEAN NOT NULL,"
                        + " last_checked TIMESTAMP(3) WITH TIME ZONE, created_at TIMESTAMP(3) WITH TIME ZONE NOT NULL,"
                        + " updated_at TIMESTAMP(3) WITH TIME ZONE NOT NULL, check_state VARCHAR(16) NOT NULL,"
                        + " regressed BOOLEAN NOT NULL, next_check_at TIMESTAMP(3) WITH TIME ZONE, service_verified BOOLEAN)");
                if (allIndexes) {
                    s.execute("CREATE INDEX dns_record_domain_idx ON dns_record (domain_id, position)");
                }
            }
            c.setAutoCommit(false);
            long t0 = System.nanoTime();
            try (PreparedStatement d = c.prepareStatement("INSERT INTO domain VALUES (?)")) {
                for (int i = 0; i < n / 8; i++) {
                    d.setString(1, String.format("dom_%05d", i));
                    d.addBatch();
                }
                d.executeBatch();
            }
            int rows = 64;
            StringBuilder sql = new StringBuilder("INSERT INTO dns_record VALUES ");
            for (int r = 0; r < rows; r++) {
                sql.append(r == 0 ? "" : ", ").append("(?, ?, ?, 'TXT', ?, ?, NULL, TRUE, FALSE, NULL,"
                        + " TIMESTAMP WITH TIME ZONE '2025-09-01 09:58:12Z', TIMESTAMP WITH TIME ZONE '2025-09-01 09:58:12Z',"
                        + " 'unchecked', FALSE, NULL, NULL)");
            }
            try (PreparedStatement p = c.prepareStatement(sql.toString())) {
                for (int start = 0; start + rows <= n; start += rows) {
                    for (int r = 0; r < rows; r++) {
                        int i = start + r;
                        int k = r * 5;
                        p.setString(k + 1, String.format("dns_%05d_%d", i / 8, i % 8));
                        p.setString(k + 2, String.format("dom_%05d", i / 8));
                        p.setInt(k + 3, i % 8);
                        p.setString(k + 4, String.format("_amazonses.d%05d.example", i / 8));
                        p.setString(k + 5, "v=spf1 include:amazonses.com ~all nXmxo38xgBzRGmcG+0DWvVdSaEaQO7E+3lYkOenBuCM=");
                    }
                    p.addBatch();
                }
                p.executeBatch();
            }
            long t1 = System.nanoTime();
            c.commit();
            long t2 = System.nanoTime();
            System.out.printf("%d rows (%s indexes): insert %d ms, commit %d ms, total %d ms%n", n,
                    allIndexes ? "all" : "only the primary key", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t2 - t0) / 1_000_000);
            // then what a check stores: every row updated by id, 500 rows a transaction
            long t3 = System.nanoTime();
            try (PreparedStatement u = c.prepareStatement("UPDATE dns_record SET is_verified = TRUE, last_checked = ?,"
                    + " updated_at = ?, check_state = 'verified', regressed = FALSE, next_check_at = ? WHERE id = ?")) {
                java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
                for (int i = 0; i < n; i++) {
                    u.setObject(1, now);
                    u.setObject(2, now);
                    u.setObject(3, now.plusHours(6));
                    u.setString(4, String.format("dns_%05d_%d", i / 8, i % 8));
                    u.addBatch();
                    if (i % 500 == 499 || i == n - 1) {
                        u.executeBatch();
                        c.commit();
                    }
                }
            }
            long t4 = System.nanoTime();
            System.out.printf("then every row updated by id, 500 a transaction: %d ms%n", (t4 - t3) / 1_000_000);
        }
    }
}
