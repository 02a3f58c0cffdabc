package dev.domaindesk.store;

import org.junit.jupiter.api.BeforeEach;

/** {@link ConcurrentWritesTest} against PostgreSQL. */
class ConcurrentWritesOnPostgresTest extends ConcurrentWritesTest {
    @BeforeEach
    void postgres() {
        onPostgres();
    }
}
