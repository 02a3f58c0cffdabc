package dev.domaindesk.apikeys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.api.testing.FullDump;
import dev.domaindesk.store.Database;
import dev.domaindesk.store.JdbcApiKeyRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeyServiceTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T10:00:00.000Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    Database db;
    ApiKeyService keys;

    @BeforeEach
    void open() {
        db = Database.open(dir);
        keys = new ApiKeyService(new JdbcApiKeyRepository(db), CLOCK);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aNewKeyIsLongRandomAndOnlyItsHashIsStored() {
        NewApiKey a = keys.create("ci");
        NewApiKey b = keys.create("laptop");
        assertTrue(a.secret().matches("ddk_[A-Za-z0-9_-]{43}"), a.secret());
        assertNotEquals(a.secret(), b.secret());
        String dump = FullDump.of(db);
        assertFalse(dump.contains(a.secret().substring(12)), "the key itself is in the store");
        assertTrue(dump.contains(a.secret().substring(0, 12)), "the short prefix is kept for listing");
        assertFalse(a.toString().contains(a.secret()));
        assertArrayEquals(ApiKeyService.hash(a.secret()), new JdbcApiKeyRepository(db).activeHashes().stream()
                .filter(h -> h.name().equals("ci")).findFirst().orElseThrow().hash());
    }

    @Test
    void authenticatesOnlyTheExactActiveKey() {
        NewApiKey a = keys.create("ci");
        assertEquals(Optional.of("ci"), keys.authenticate(a.secret()));
        assertEquals(Optional.empty(), keys.authenticate(a.secret() + "x"));
        assertEquals(Optional.empty(), keys.authenticate(a.secret().substring(0, a.secret().length() - 1)));
        assertEquals(Optional.empty(), keys.authenticate(""));
        assertEquals(Optional.empty(), keys.authenticate(null));
        assertEquals(CLOCK.instant(), keys.list().get(0).lastUsedAt());
    }

    @Test
    void revokedKeysAreRefusedAndListedAsRevoked() {
        NewApiKey a = keys.create("ci");
        keys.revoke("ci");
        assertEquals(Optional.empty(), keys.authenticate(a.secret()));
        assertFalse(keys.list().get(0).active());
        assertEquals(CLOCK.instant(), keys.list().get(0).revokedAt());
        IllegalArgumentException again = assertThrows(IllegalArgumentException.class, () -> keys.revoke("ci"));
        assertTrue(again.getMessage().contains("no active key named 'ci'"));
        NewApiKey renewed = keys.create("ci");
        assertEquals(Optional.of("ci"), keys.authenticate(renewed.secret()));
        assertEquals(Optional.empty(), keys.authenticate(a.secret()));
    }

    @Test
    void namesAreValidatedAndUnique() {
        keys.create("ci");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> keys.create("ci")).getMessage()
                .contains("already exists"));
        for (String bad : new String[] {"", " ", "has space", "-dash", "x".repeat(65), "semi;colon"}) {
            assertThrows(IllegalArgumentException.class, () -> keys.create(bad), bad);
        }
    }
}
