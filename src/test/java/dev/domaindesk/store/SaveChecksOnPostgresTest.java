package dev.domaindesk.store;

import org.junit.jupiter.api.BeforeEach;

/** {@link SaveChecksTest} against PostgreSQL. */
class SaveChecksOnPostgresTest extends SaveChecksTest {
    @BeforeEach
    void postgres() {
        onPostgres();
    }
}
