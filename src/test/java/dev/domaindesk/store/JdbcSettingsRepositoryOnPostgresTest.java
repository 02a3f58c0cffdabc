package dev.domaindesk.store;

import org.junit.jupiter.api.BeforeEach;

/** {@link JdbcSettingsRepositoryTest} against PostgreSQL. */
class JdbcSettingsRepositoryOnPostgresTest extends JdbcSettingsRepositoryTest {
    @BeforeEach
    void postgres() {
        onPostgres();
    }
}
