package dev.domaindesk.store;

import org.junit.jupiter.api.BeforeEach;

/** {@link ScheduleStoreTest} against PostgreSQL. */
class ScheduleStoreOnPostgresTest extends ScheduleStoreTest {
    @BeforeEach
    void postgres() {
        onPostgres();
    }
}
