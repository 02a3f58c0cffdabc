import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;

/**
 * What storing one check of N domains (9 records each) costs H2 alone, in the store's file settings, by the shape
 * the results are kept in, 2,000 records a transaction as the check's writer does:
 * <ul>
 * <li>"record": today's record_check, one 13-column row per record, one UPDATE each (the writer's statement);
 * <li>"narrow": the same rows, three columns updated (a floor for trimming columns);
 * <li>"merge": the same rows, a domain's nine in one multi-row MERGE (a floor for fewer statements);
 * <li>"insert": the same rows inserted into an empty table (were a record's row written at its first check);
 * <li>"domain": one row per domain holding its records' results in one value.
 * </ul>
 * Each shape is measured on a fresh file, after one warm-up run of each. Prints the writing thread's CPU and wall
 * time in ms, then the CPU time of reading every result back (as a check's loader reads them: every column, in key
 * order; for "domain", each value split into its records' fields). Run as DomainDesk runs a command:
 *   java -XX:+UseParallelGC -XX:TieredStopAtLevel=1 -Xms448m -Xmn192m -cp target/lib/h2-2.3.232.jar \
 *       bench/CheckWriteFloor.java [N=10000] [rounds=3] [shapes=record,narrow,merge,insert,domain]
 */
public class CheckWriteFloor {
    private static final int RECORDS_PER_DOMAIN = 9;
    private static final int RECORDS_PER_TRANSACTION = 2_000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        int domains = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String[] shapes = args.length > 2 ? args[2].split(",") : new String[] {"record", "narrow", "merge", "insert", "domain"};
        for (String shape : shapes) {
            measure(shape, domains); // warm-up: the compiler, then the numbers
        }
        for (int round = 1; round <= rounds; round++) {
            for (String shape : shapes) {
                long[] t = measure(shape, domains);
                System.out.printf("round %d  %-7s %,d records in %,d domains: write CPU %5d ms, wall %5d ms; read CPU"
                        + " %4d ms%n", round, shape, domains * RECORDS_PER_DOMAIN, domains, t[0], t[1], t[2]);
            }
        }
    }

    private static long[] measure(String shape, int domains) throws Exception {
        Path dir = Files.createTempDirectory("checkwrite");
        String url = "jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=0;CACHE_SIZE=65536;MAX_COMPACT_TIME=0";
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            fill(c, shape, domains);
            c.setAutoCommit(false);
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            switch (shape) {
                case "record" -> writeRecords(c, domains, false);
                case "narrow" -> writeRecords(c, domains, true);
                case "merge" -> mergeRecords(c, domains);
                case "insert" -> insertRecords(c, domains);
                default -> writeDomains(c, domains);
            }
            long written = THREADS.getCurrentThreadCpuTime();
            long wall = (System.nanoTime() - wall0) / 1_000_000;
            long fields = read(c, shape);
            if (fields == 0) {
                throw new IllegalStateException("nothing read back");
            }
            return new long[] {(written - cpu0) / 1_000_000, wall,
                    (THREADS.getCurrentThreadCpuTime() - written) / 1_000_000};
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Reads every result back; returns how many fields were read (so that nothing is optimised away). */
    private static long read(Connection c, String shape) throws Exception {
        long fields = 0;
        boolean perDomain = shape.equals("domain");
        String sql = perDomain ? "SELECT domain_key, checked_at, results FROM domain_check ORDER BY domain_key"
                : "SELECT * FROM record_check ORDER BY record_key";
        try (PreparedStatement ps = c.prepareStatement(sql); java.sql.ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (perDomain) {
                    String results = new String(rs.getBytes(3), StandardCharsets.UTF_8);
                    for (String line : results.split("\n")) {
                        fields += line.split("\t").length;
                    }
                } else {
                    for (int i = 1; i <= 13; i++) {
                        Object value = rs.getObject(i);
                        if (value instanceof java.sql.Array array) {
                            value = array.getArray();
                        }
                        fields += value == null ? 0 : 1;
                    }
                }
            }
        }
        return fields;
    }

    private static void fill(Connection c, String shape, int domains) throws Exception {
        try (Statement s = c.createStatement()) {
            if (shape.equals("domain")) {
                s.execute("CREATE TABLE domain_check (domain_key BIGINT PRIMARY KEY, checked_at TIMESTAMP(3) WITH TIME"
                        + " ZONE, results VARBINARY)");
                s.execute("INSERT INTO domain_check SELECT X, NULL, NULL FROM SYSTEM_RANGE(1, " + domains + ")");
            } else {
                s.execute("CREATE TABLE record_check (record_key BIGINT NOT NULL PRIMARY KEY, is_verified BOOLEAN NOT"
                        + " NULL, last_checked TIMESTAMP(3) WITH TIME ZONE, updated_at TIMESTAMP(3) WITH TIME ZONE NOT"
                        + " NULL, check_state VARCHAR(16) NOT NULL, regressed BOOLEAN NOT NULL, next_check_at"
                        + " TIMESTAMP(3) WITH TIME ZONE, state_since TIMESTAMP(3) WITH TIME ZONE, found_values"
                        + " CHARACTER VARYING ARRAY, diagnosis_codes CHARACTER VARYING ARRAY, diagnosis_severities"
                        + " CHARACTER VARYING ARRAY, diagnosis_messages CHARACTER VARYING ARRAY, diagnosis_publish"
                        + " CHARACTER VARYING ARRAY)");
                if (!shape.equals("insert")) {
                    s.execute("INSERT INTO record_check SELECT X, FALSE, NULL, CURRENT_TIMESTAMP, 'unchecked', FALSE,"
                            + " NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM SYSTEM_RANGE(1, "
                            + (long) domains * RECORDS_PER_DOMAIN + ")");
                }
            }
        }
    }

    private static String found(long key) {
        return "v=spf1 include:amazonses.com ~all " + key;
    }

    /**
     * One record's result, as the check's writer binds it: verified, last checked, updated, state, regressed, next
     * check, found values, the diagnoses' codes, severities, messages and publish values, state since; from
     * {@code first} on. Every ninth record is wrong, with one diagnosis.
     */
    private static void bindResult(Connection c, PreparedStatement ps, int first, long key, Timestamp now)
            throws Exception {
        boolean wrong = key % RECORDS_PER_DOMAIN == 0;
        ps.setBoolean(first, !wrong);
        ps.setTimestamp(first + 1, now);
        ps.setTimestamp(first + 2, now);
        ps.setString(first + 3, wrong ? "mismatch" : "verified");
        ps.setBoolean(first + 4, false);
        ps.setTimestamp(first + 5, now);
        ps.setArray(first + 6, c.createArrayOf("VARCHAR", new String[] {found(key)}));
        if (wrong) {
            ps.setArray(first + 7, c.createArrayOf("VARCHAR", new String[] {"spf.mismatch"}));
            ps.setArray(first + 8, c.createArrayOf("VARCHAR", new String[] {"error"}));
            ps.setArray(first + 9, c.createArrayOf("VARCHAR", new String[] {"The SPF record does not include ..."}));
        } else {
            ps.setNull(first + 7, Types.ARRAY);
            ps.setNull(first + 8, Types.ARRAY);
            ps.setNull(first + 9, Types.ARRAY);
        }
        ps.setNull(first + 10, Types.ARRAY);
        ps.setTimestamp(first + 11, now);
    }

    private static void writeRecords(Connection c, int domains, boolean narrow) throws Exception {
        Timestamp now = new Timestamp(System.currentTimeMillis());
        String sql = narrow
                ? "UPDATE record_check SET is_verified = ?, last_checked = ?, check_state = ? WHERE record_key = ?"
                : "UPDATE record_check c SET is_verified = ?, last_checked = ?, updated_at = ?, check_state = ?,"
                        + " regressed = ?, next_check_at = ?, found_values = ?, diagnosis_codes = ?,"
                        + " diagnosis_severities = ?, diagnosis_messages = ?, diagnosis_publish = ?, state_since = ?"
                        + " WHERE record_key = ? AND NOT (c.last_checked IS NOT NULL AND c.check_state <> 'unchecked')";
        long records = (long) domains * RECORDS_PER_DOMAIN;
        PreparedStatement ps = c.prepareStatement(sql);
        for (long key = 1; key <= records; key++) {
            boolean wrong = key % RECORDS_PER_DOMAIN == 0;
            if (narrow) {
                ps.setBoolean(1, !wrong);
                ps.setTimestamp(2, now);
                ps.setString(3, wrong ? "mismatch" : "verified");
                ps.setLong(4, key);
            } else {
                bindResult(c, ps, 1, key, now);
                ps.setLong(13, key);
            }
            ps.addBatch();
            if (key % RECORDS_PER_TRANSACTION == 0 || key == records) {
                ps.executeBatch();
                c.commit();
            }
        }
        ps.close();
    }

    /** A domain's records in one multi-row MERGE statement (the rows still written one by one inside H2). */
    private static void mergeRecords(Connection c, int domains) throws Exception {
        Timestamp now = new Timestamp(System.currentTimeMillis());
        StringBuilder sql = new StringBuilder("MERGE INTO record_check (record_key, is_verified, last_checked, updated_at,"
                + " check_state, regressed, next_check_at, found_values, diagnosis_codes, diagnosis_severities,"
                + " diagnosis_messages, diagnosis_publish, state_since) KEY (record_key) VALUES ");
        for (int r = 0; r < RECORDS_PER_DOMAIN; r++) {
            sql.append(r == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }
        PreparedStatement ps = c.prepareStatement(sql.toString());
        int perTransaction = RECORDS_PER_TRANSACTION / RECORDS_PER_DOMAIN;
        for (long domain = 1; domain <= domains; domain++) {
            for (int r = 0; r < RECORDS_PER_DOMAIN; r++) {
                long key = (domain - 1) * RECORDS_PER_DOMAIN + r + 1;
                int i = r * 13;
                ps.setLong(i + 1, key);
                bindResult(c, ps, i + 2, key, now);
            }
            ps.addBatch();
            if (domain % perTransaction == 0 || domain == domains) {
                ps.executeBatch();
                c.commit();
            }
        }
        ps.close();
    }

    private static void insertRecords(Connection c, int domains) throws Exception {
        Timestamp now = new Timestamp(System.currentTimeMillis());
        PreparedStatement ps = c.prepareStatement("INSERT INTO record_check (record_key, is_verified, last_checked, updated_at,"
                + " check_state, regressed, next_check_at, found_values, diagnosis_codes, diagnosis_severities,"
                + " diagnosis_messages, diagnosis_publish, state_since) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        long records = (long) domains * RECORDS_PER_DOMAIN;
        for (long key = 1; key <= records; key++) {
            ps.setLong(1, key);
            bindResult(c, ps, 2, key, now);
            ps.addBatch();
            if (key % RECORDS_PER_TRANSACTION == 0 || key == records) {
                ps.executeBatch();
                c.commit();
            }
        }
        ps.close();
    }

    private static void writeDomains(Connection c, int domains) throws Exception {
        Timestamp now = new Timestamp(System.currentTimeMillis());
        PreparedStatement ps = c.prepareStatement("UPDATE domain_check SET checked_at = ?, results = ? WHERE domain_key = ?");
        int perTransaction = RECORDS_PER_TRANSACTION / RECORDS_PER_DOMAIN;
        for (long domain = 1; domain <= domains; domain++) {
            StringBuilder results = new StringBuilder(1024);
            for (int r = 0; r < RECORDS_PER_DOMAIN; r++) {
                long key = (domain - 1) * RECORDS_PER_DOMAIN + r + 1;
                boolean wrong = key % RECORDS_PER_DOMAIN == 0;
                // the same facts as a record_check row, in one value: verified, times, state, found, diagnoses
                results.append(key).append('\t').append(!wrong).append('\t').append(now.getTime()).append('\t')
                        .append(wrong ? "mismatch" : "verified").append('\t').append(found(key));
                if (wrong) {
                    results.append("\tspf.mismatch\terror\tThe SPF record does not include ...");
                }
                results.append('\n');
            }
            ps.setTimestamp(1, now);
            ps.setBytes(2, results.toString().getBytes(StandardCharsets.UTF_8));
            ps.setLong(3, domain);
            ps.addBatch();
            if (domain % perTransaction == 0 || domain == domains) {
                ps.executeBatch();
                c.commit();
            }
        }
        ps.close();
    }
}
