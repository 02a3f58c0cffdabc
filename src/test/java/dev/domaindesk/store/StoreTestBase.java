package dev.domaindesk.store;

import dev.domaindesk.app.AppContext;
import dev.domaindesk.testing.PostgresCluster;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store a repository test runs against: the embedded H2 file in a temporary data directory, or, in the
 * {@code *OnPostgresTest} subclass of each test class, a database of its own in a throwaway PostgreSQL cluster
 * ({@link PostgresCluster#shared()}). The tests themselves are the same; only where the store is differs.
 */
public abstract class StoreTestBase {
    @TempDir
    protected Path dir;
    /** Embedded unless a subclass chose PostgreSQL before the test ({@link #onPostgres()}). */
    protected StoreLocation store = StoreLocation.embedded();

    /** Called by the PostgreSQL subclasses in a {@code @BeforeEach}: this test's store is a new, empty database. */
    protected void onPostgres() {
        store = StoreLocation.of(PostgresCluster.shared().newDatabase());
    }

    protected AppContext open(Clock clock) {
        return new AppContext(dir, store, StoreCredentials.none(), clock);
    }

    protected Database openDatabase() {
        return Database.open(dir, store, StoreCredentials.none());
    }
}
