import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * H2's own bulk load of what an import wrote: the domain and record tables of a store DomainDesk imported (closed)
 * are written to CSV, then loaded into a fresh H2 file with the same schema (H2's SCRIPT NODATA) in one transaction
 * by CSVREAD, as H2 would load them itself. Prints the load time in ms, JVM start not included.
 * Run as DomainDesk runs a command:
 *   java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp target/lib/h2-2.3.232.jar bench/H2BulkLoad.java DATA_DIR
 */
public class H2BulkLoad {
    /** The tables an import writes (RECORD_CHECK from V19_1 on; an older store has none). */
    private static final List<String> CANDIDATES = List.of("DOMAIN", "DNS_RECORD", "RECORD_CHECK");

    private static final List<String> TABLES = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        Path store = Path.of(args[0]).toAbsolutePath().resolve("domaindesk");
        Path work = Files.createTempDirectory("h2bulk");
        Path ddl = work.resolve("schema.sql");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + store, "domaindesk", "");
             Statement s = c.createStatement()) {
            for (String t : CANDIDATES) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = '"
                        + t + "'")) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        TABLES.add(t);
                    }
                }
            }
            s.execute("SCRIPT NODATA TO '" + ddl + "'");
            for (String t : TABLES) {
                s.execute("CALL CSVWRITE('" + work.resolve(t + ".csv") + "', 'SELECT * FROM " + t + "')");
            }
        }
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + work.resolve("fresh")
                + ";WRITE_DELAY=0;CACHE_SIZE=65536;MAX_COMPACT_TIME=0", "domaindesk", "");
             Statement s = c.createStatement()) {
            s.execute("RUNSCRIPT FROM '" + ddl + "'");
            c.setAutoCommit(false);
            long t0 = System.nanoTime();
            for (String t : TABLES) {
                s.execute("INSERT INTO " + t + " SELECT * FROM CSVREAD('" + work.resolve(t + ".csv") + "')");
            }
            c.commit();
            System.out.printf("H2 bulk load of %s: %d ms%n", String.join(", ", TABLES), (System.nanoTime() - t0) / 1_000_000);
        }
    }
}
