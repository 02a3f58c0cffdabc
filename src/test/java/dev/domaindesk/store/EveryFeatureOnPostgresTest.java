package dev.domaindesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.app.AppContext;
import dev.domaindesk.app.AppContextAccess;
import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.Diagnosis;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.DomainStatus;
import dev.domaindesk.domains.DomainWithRecords;
import dev.domaindesk.domains.RemoteCheckRepository;
import dev.domaindesk.domains.Severity;
import dev.domaindesk.history.HistoryEntry;
import dev.domaindesk.testing.PostgresCluster;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The repositories the H2 tests cover elsewhere (history, API keys, the service's own checks, the change counter, the
 * lease), once on PostgreSQL: each statement that differs by vendor ({@link Dialect}) or binds arrays runs here.
 */
class EveryFeatureOnPostgresTest extends StoreTestBase {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void postgres() {
        onPostgres();
    }

    @Test
    void historyKeepsEachEndedResultWithItsArrays() {
        try (AppContext app = open(CLOCK)) {
            DomainWithRecords added = app.domains().add("history.example", null);
            JdbcDomainRepository repository = new JdbcDomainRepository(AppContextAccess.database(app));
            DnsRecord r = added.records().get(0);
            Instant first = Instant.parse("2026-12-07T10:00:00Z");
            Instant second = Instant.parse("2026-12-07T11:00:00Z");
            repository.saveChecks(List.of(), List.of(r.withCheck(false, CheckState.MISMATCH, List.of("a", "b"),
                    List.of(new Diagnosis("VALUE_MISMATCH", Severity.ERROR, "expected x", "v=publish")), false, first)), java.util.Set.of(r.id()));
            repository.saveChecks(List.of(), List.of(r.withCheck(true, CheckState.VERIFIED, List.of(r.value()),
                    List.of(), false, second)), java.util.Set.of(r.id()));
            List<HistoryEntry> entries = app.history().ofDomain(added.domain().id()).stream()
                    .filter(e -> e.recordId().equals(r.id())).toList();
            assertEquals(2, entries.size(), entries.toString());
            assertEquals(List.of("a", "b"), entries.get(0).found());
            assertEquals("v=publish", entries.get(0).diagnoses().get(0).publish());
            assertEquals(CheckState.VERIFIED, entries.get(1).state());
        }
    }

    @Test
    void apiKeysRemoteChecksAndAuditsAreStored() {
        try (AppContext app = open(CLOCK)) {
            var key = app.apiKeys().create("dashboard");
            assertTrue(app.apiKeys().authenticate(key.secret()).isPresent());
            app.apiKeys().revoke("dashboard");
            assertFalse(app.apiKeys().authenticate(key.secret()).isPresent());

            DomainWithRecords added = app.domains().add("remote.example", null);
            JdbcRemoteCheckRepository remote = new JdbcRemoteCheckRepository(AppContextAccess.database(app));
            for (String json : List.of("{\"first\":1}", "{\"second\":2}")) {
                assertTrue(remote.save(added.domain().id(), DomainStatus.VERIFIED,
                        Map.of(added.records().get(0).id(), true),
                        new RemoteCheckRepository.Stored(added.domain().id(), CLOCK.instant(), json, null)));
            }
            assertEquals("{\"second\":2}", remote.find(added.domain().id()).orElseThrow().verificationCheckJson());
        }
    }

    @Test
    void anotherProcessesChangeIsSeenAndALeaseHasOneHolder() {
        try (AppContext app = open(CLOCK); Database other = openDatabase()) {
            StoreChanges changes = new StoreChanges(AppContextAccess.database(app), Duration.ofHours(1));
            assertFalse(changes.poll(), "nothing changed yet");
            app.domains().add("mine.example", null);
            assertFalse(changes.poll(), "this process's own change");
            new JdbcSettingsRepository(other).put("region", "eu-west-1");
            assertTrue(changes.poll(), "the other process's change");
            assertFalse(changes.poll(), "told once");

            StoreLease a = new StoreLease(AppContextAccess.database(app), StoreLease.RECHECKS, CLOCK);
            StoreLease b = new StoreLease(other, StoreLease.RECHECKS, CLOCK);
            assertTrue(a.hold(Duration.ofSeconds(90)));
            assertFalse(b.hold(Duration.ofSeconds(90)));
            a.release();
            assertTrue(b.hold(Duration.ofSeconds(90)));
            assertFalse(changes.poll(), "leases are not changes");
        }
    }

    /**
     * The server closes every connection of the store (a restart, a failover, an administrator): the next operation
     * runs on new connections, and nothing committed before is lost.
     */
    @Test
    void connectionsTheServerClosedAreReplaced() throws Exception {
        try (AppContext app = open(CLOCK)) {
            for (int i = 0; i < 5; i++) {
                app.domains().add("before" + i + ".example", null);
            }
            String database = store.url().replaceAll(".*/([^/?]+)(\\?.*)?$", "$1");
            try (java.sql.Connection admin = java.sql.DriverManager.getConnection(
                    PostgresCluster.shared().url("postgres"), PostgresCluster.SUPERUSER, "");
                 java.sql.PreparedStatement ps = admin.prepareStatement("SELECT COUNT(pg_terminate_backend(pid))"
                         + " FROM pg_stat_activity WHERE datname = ?")) {
                ps.setString(1, database);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next() && rs.getInt(1) > 0, "the store had connections to close");
                }
            }
            app.domains().add("after.example", null);
            assertEquals(6, app.domains().list().size());
        }
    }
}
