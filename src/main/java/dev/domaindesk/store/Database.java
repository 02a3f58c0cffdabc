package dev.domaindesk.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.h2.api.ErrorCode;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store: by default the embedded H2 file database in the data directory, or a PostgreSQL database a team
 * shares (decision 0015); its schema made by Flyway from the migrations of its vendor ({@link Dialect}).
 *
 * <p>Integrity: before H2 opens the file it is compared with its {@link StoreSeal} (a damaged file is refused,
 * never written over), and {@link Backups} keeps rotated copies taken before imports, syncs and migrations.
 * The directory and its files are private to the user ({@link PrivateDirectory}).
 *
 * <p>Concurrency between processes (decision 0011): H2's mixed mode. The first process to open the store owns the
 * file and serves it to the others over loopback (a random key in the lock file, which only the directory's owner
 * can read); when the owner exits or dies, the next process to touch the store takes the file over. Every commit
 * is written to the file at once, so killing any process loses no committed change.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    public static final String FILE_NAME = "domaindesk";
    /**
     * The version of the newest migration in {@code db/migration/h2}, {@code db/migration/postgresql} and
     * {@code db/migration/common} (the same for both vendors; a test keeps it true). When the store is
     * already at it, opening skips Flyway, which costs about half a second of every command's start.
     */
    static final String LATEST_MIGRATION = "19.2";

    /** How long a statement waits for a row another transaction (here or in another process) has locked. */
    static final int LOCK_TIMEOUT_MS = 20_000;
    /** How long opening keeps trying while another process seals the file or H2 hands the file over after a crash. */
    private static final long OPEN_PATIENCE_MS = 10_000;
    /** How long closing waits for a transaction under way. */
    private static final long CLOSE_PATIENCE_MS = 3_000;

    static {
        // H2's mixed mode serves the store on every interface unless told otherwise; read when H2 first loads
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    private final DataSource pool;
    /** Closes the pool's connections: H2's pool, or the PostgreSQL store's ({@link PostgresPool}). */
    private final Runnable dispose;
    private final Path directory;
    /** The embedded file's seal; null for a PostgreSQL store, which keeps its own integrity. */
    private final StoreSeal seal;
    private final Dialect dialect;
    private final StoreLocation location;
    private final ChangeCounter changes;
    /**
     * One transaction at a time in this process. Background checks, the scheduler's due times, the window and
     * sync all write the same rows in batches; H2 then detects deadlocks and rolls one side back. Transactions
     * are short batches, so taking turns costs little; the lock is fair, so a read never waits behind a stream
     * of writes.
     */
    private final ReentrantLock turn = new ReentrantLock(true);

    private Database(DataSource pool, Runnable dispose, Path directory, StoreSeal seal, Dialect dialect,
                     StoreLocation location) {
        this.pool = pool;
        this.dispose = dispose;
        this.directory = directory;
        this.seal = seal;
        this.dialect = dialect;
        this.location = location;
        this.changes = new ChangeCounter();
    }

    /**
     * Opens the store at {@code location}: the embedded file in {@code dataDir}, or a PostgreSQL database (created
     * schema by Flyway on first use; {@code credentials} give the user and password).
     */
    public static Database open(Path dataDir, StoreLocation location, StoreCredentials credentials) {
        if (location.isEmbedded()) {
            return open(dataDir);
        }
        PrivateDirectory.prepare(dataDir);
        PostgresPool pool = PostgresConnector.connect(location, credentials);
        Database db = new Database(pool, pool::dispose, dataDir, null, Dialect.POSTGRESQL, location);
        try {
            if (!isCurrent(pool)) {
                // Flyway holds a PostgreSQL advisory lock while it migrates: processes starting together take turns
                Flyway.configure().dataSource(pool).locations(Dialect.POSTGRESQL.migrationLocations()).load().migrate();
            }
            db.changes.start(db.changes.read(db));
            return db;
        } catch (StoreException e) {
            pool.dispose();
            throw e;
        } catch (RuntimeException e) {
            pool.dispose();
            throw new StoreException("cannot prepare the schema of the store " + location.describe() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Opens (creating if needed) the store in {@code dataDir} and migrates its schema. Throws
     * {@link StoreDamagedException} when the file is not as DomainDesk left it.
     */
    public static Database open(Path dataDir) {
        PrivateDirectory.prepare(dataDir);
        StoreSeal seal = new StoreSeal(dataDir);
        Optional<StoreSeal.State> unclean;
        try {
            unclean = seal.verifyBeforeOpen();
        } catch (StoreDamagedException e) {
            throw damaged(dataDir, e.getMessage(), e);
        }
        boolean existed = Files.exists(seal.storeFile());
        JdbcConnectionPool pool = connect(dataDir, seal);
        Database db = new Database(pool, pool::dispose, dataDir, seal, Dialect.H2, StoreLocation.embedded());
        try {
            if (!isCurrent(pool)) {
                if (existed && hasSchema(pool)) {
                    new Backups(dataDir).take(db, "migration");
                }
                Flyway.configure().dataSource(pool).locations(Dialect.H2.migrationLocations()).load().migrate();
            }
            long counter = db.changes.read(db);
            db.changes.start(counter);
            if (unclean.isPresent()) {
                seal.verifyCounter(unclean.get(), counter);
            }
            seal.markOpen(counter);
            restrictFiles(dataDir);
            return db;
        } catch (StoreDamagedException e) {
            pool.dispose();
            throw damaged(dataDir, e.getMessage(), e);
        } catch (StoreException e) {
            pool.dispose();
            throw e;
        } catch (RuntimeException e) {
            pool.dispose();
            throw new StoreException("cannot migrate the store in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The first connection: as the file's owner, or as a client of the process that owns it. "Already open" without
     * a server to connect to is a moment, not a state (another process is sealing the file it just closed, or H2 is
     * taking over the lock file of a process that died), so opening tries again for a while.
     */
    private static JdbcConnectionPool connect(Path dataDir, StoreSeal seal) {
        long giveUpAt = System.nanoTime() + OPEN_PATIENCE_MS * 1_000_000;
        while (true) {
            JdbcConnectionPool pool = JdbcConnectionPool.create(url(dataDir), "domaindesk", "");
            pool.setMaxConnections(16);
            try (Connection probe = pool.getConnection()) {
                LOG.debug("Opened store {}", probe.getMetaData().getURL());
                return pool;
            } catch (SQLException e) {
                pool.dispose();
                if (handingOver(e) && System.nanoTime() < giveUpAt) {
                    pause();
                    continue;
                }
                if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                    throw new StoreException("the data directory " + dataDir + " is locked by another DomainDesk"
                            + " process that does not answer (" + firstLine(e) + "); if none is running, remove "
                            + dataDir.resolve(FILE_NAME + ".lock.db"), e);
                }
                if (e.getErrorCode() == ErrorCode.FILE_CORRUPTED_1) {
                    throw damaged(dataDir, "H2 cannot read the store file " + seal.storeFile() + " (" + firstLine(e)
                            + ")", e);
                }
                throw new StoreException("cannot open the store in " + dataDir + ": " + firstLine(e), e);
            }
        }
    }

    /** H2's lock-file protocol under way in two processes at once ("already open", "lock file recently modified"). */
    private static boolean handingOver(SQLException e) {
        return e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1
                || e.getErrorCode() == ErrorCode.ERROR_OPENING_DATABASE_1;
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while opening the store", e);
        }
    }

    static String url(Path dataDir) {
        // AUTO_SERVER: the first process serves the others (loopback only, see the static block); it implies
        // AUTO_RECONNECT, so a client takes the file over when the owner goes, and H2's own exit hook
        // (DB_CLOSE_ON_EXIT cannot be turned off with it) hands the file over when the owner's JVM exits.
        // WRITE_DELAY=0: a commit is in the file before it returns, so killing the owner loses no one's commit.
        // TRACE_LEVEL_FILE=0: H2 would otherwise leave a domaindesk.trace.db behind.
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve(FILE_NAME)
                + ";AUTO_SERVER=TRUE;FILE_LOCK=FILE;TRACE_LEVEL_FILE=0;WRITE_DELAY=0;LOCK_TIMEOUT=" + LOCK_TIMEOUT_MS
                + ";CACHE_SIZE=65536;MAX_COMPACT_TIME=0";
    }

    /** The one-paragraph refusal: what is wrong, that nothing was written, and what to do. */
    static StoreDamagedException damaged(Path dataDir, String what, Throwable cause) {
        String detail = what.startsWith("the store in ") ? what : "the store in " + dataDir + " is damaged: " + what;
        if (detail.contains("Nothing was written")) {
            return new StoreDamagedException(detail, cause);
        }
        Optional<Backups.Backup> latest = new Backups(dataDir).list().stream().findFirst();
        String todo = latest.map(b -> " Bring back the latest backup (" + b.describe() + ") with 'domaindesk"
                        + " --data-dir " + dataDir + " restore', or choose one from 'domaindesk --data-dir " + dataDir
                        + " restore --list'.")
                .orElse(" There is no backup to restore: move " + FILE_NAME + ".mv.db and " + StoreSeal.FILE_NAME
                        + " out of " + dataDir + " to start with an empty store (H2's Recover tool may still read"
                        + " the damaged file).");
        return new StoreDamagedException(detail + ". Nothing was written to it." + todo, cause);
    }

    private static String firstLine(SQLException e) {
        String message = String.valueOf(e.getMessage());
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    private static void restrictFiles(Path dataDir) {
        for (String suffix : new String[] {".mv.db", ".lock.db", ".trace.db"}) {
            PrivateDirectory.restrictFile(dataDir.resolve(FILE_NAME + suffix));
        }
    }

    private static boolean hasSchema(DataSource pool) {
        try (Connection c = pool.getConnection();
             PreparedStatement exists = c.prepareStatement(
                     "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'flyway_schema_history'");
             ResultSet found = exists.executeQuery()) {
            return found.next() && found.getInt(1) > 0;
        } catch (SQLException e) {
            return false;
        }
    }

    private static boolean isCurrent(DataSource pool) {
        try (Connection c = pool.getConnection();
             PreparedStatement exists = c.prepareStatement(
                     "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'flyway_schema_history'"
                             + " AND TABLE_SCHEMA = CURRENT_SCHEMA");
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

    /** The SQL of this store's vendor. */
    Dialect dialect() {
        return dialect;
    }

    /** True for the H2 file in the data directory; false for a PostgreSQL store. */
    public boolean isEmbedded() {
        return seal != null;
    }

    /** Where the store is. */
    public StoreLocation location() {
        return location;
    }

    /** Held by {@code Jdbc.inTransaction} for the length of each transaction. */
    ReentrantLock turn() {
        return turn;
    }

    /**
     * After this process committed change {@code count}: if the seal says {@code closed}, another process sealed the
     * file while none owned it, and this process has since taken the file over (H2 does that without a word when
     * the owner goes): the seal is marked {@code open} again, or its length and checksum would refuse the store at
     * the next open.
     */
    void committed(long count) {
        changes.committed(count);
        if (seal == null) {
            return;
        }
        try {
            if (seal.read().map(s -> !s.open()).orElse(false)) {
                seal.markOpen(count);
            }
        } catch (StoreException e) {
            LOG.debug("Could not mark the seal open again", e);
        }
    }

    /** The store's count of committed changes, by any process. */
    ChangeCounter changes() {
        return changes;
    }

    public Path directory() {
        return directory;
    }

    @Override
    public void close() {
        // the transaction under way ends first (a stopped command closes the store while its check still stores),
        // so the last connection closes with the pool, H2 closes the file and the seal can be written
        boolean idle = awaitTurn();
        long counter;
        try {
            try {
                counter = changes.read(this);
            } catch (StoreException e) {
                counter = -1;
            }
            // H2 closes the database (and releases its file lock) when the last connection closes.
            dispose.run();
        } finally {
            if (idle) {
                turn.unlock();
            }
        }
        if (counter >= 0 && seal != null) {
            seal.sealIfUnowned(counter);
        }
    }

    private boolean awaitTurn() {
        try {
            return turn.tryLock(CLOSE_PATIENCE_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
