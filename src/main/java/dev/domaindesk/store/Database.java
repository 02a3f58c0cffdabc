package dev.domaindesk.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded H2 file database in the data directory, its schema made by Flyway.
 *
 * <p>Concurrency between processes: H2's default file lock. A second DomainDesk process on the same data
 * directory is refused with a clear message instead of sharing the file; this never corrupts the store and
 * opens no network port (AUTO_SERVER would listen on TCP).
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    public static final String FILE_NAME = "domaindesk";
    /**
     * The version of the newest migration in {@code db/migration} (a test keeps it true). When the store is
     * already at it, opening skips Flyway, which costs about half a second of every command's start.
     */
    static final String LATEST_MIGRATION = "12.1";

    private final JdbcConnectionPool pool;
    private final Path directory;
    /**
     * One transaction at a time in this process. Background checks, the scheduler's due times, the window and
     * sync all write the same rows in batches; H2 then detects deadlocks and rolls one side back. Transactions
     * are short batches, so taking turns costs little; the lock is fair, so a read never waits behind a stream
     * of writes.
     */
    private final ReentrantLock turn = new ReentrantLock(true);

    private Database(JdbcConnectionPool pool, Path directory) {
        this.pool = pool;
        this.directory = directory;
    }

    /** Opens (creating if needed) the store in {@code dataDir} and migrates its schema. */
    public static Database open(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create the data directory " + dataDir + ": " + e.getMessage(), e);
        }
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve(FILE_NAME) + ";DB_CLOSE_ON_EXIT=FALSE;CACHE_SIZE=65536;MAX_COMPACT_TIME=0";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "domaindesk", "");
        pool.setMaxConnections(16);
        try (Connection probe = pool.getConnection()) {
            LOG.debug("Opened store {}", probe.getMetaData().getURL());
        } catch (SQLException e) {
            pool.dispose();
            if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                throw new StoreException("the data directory " + dataDir + " is in use by another DomainDesk process;"
                        + " close it or use another --data-dir", e);
            }
            throw new StoreException("cannot open the store in " + dataDir + ": " + e.getMessage(), e);
        }
        try {
            if (isCurrent(pool)) {
                return new Database(pool, dataDir);
            }
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            pool.dispose();
            throw new StoreException("cannot migrate the store in " + dataDir + ": " + e.getMessage(), e);
        }
        return new Database(pool, dataDir);
    }

    private static boolean isCurrent(JdbcConnectionPool pool) {
        try (Connection c = pool.getConnection();
             PreparedStatement exists = c.prepareStatement(
                     "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'flyway_schema_history'");
             ResultSet found = exists.executeQuery()) {
            if (!found.next() || found.getInt(1) == 0) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT \"version\" FROM \"flyway_schema_history\""
                    + " WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\" DESC LIMIT 1");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() && LATEST_MIGRATION.equals(rs.getString(1));
            }
        } catch (SQLException e) {
            return false;
        }
    }

    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /** Held by {@code Jdbc.inTransaction} for the length of each transaction. */
    ReentrantLock turn() {
        return turn;
    }

    public Path directory() {
        return directory;
    }

    @Override
    public void close() {
        // H2 closes the database (and releases its file lock) when the last connection closes.
        pool.dispose();
    }
}
