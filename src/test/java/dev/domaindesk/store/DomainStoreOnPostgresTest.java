package dev.domaindesk.store;

import org.junit.jupiter.api.BeforeEach;

/** {@link DomainStoreTest} against PostgreSQL. */
class DomainStoreOnPostgresTest extends DomainStoreTest {
    @BeforeEach
    void postgres() {
        onPostgres();
    }
}
