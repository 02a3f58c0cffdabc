package dev.domaindesk.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.store.Database;
import dev.domaindesk.store.JdbcSettingsRepository;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {
    @TempDir
    Path dir;

    @Test
    void settingsRoundTripThroughARealStoreUnderTheSharedKeys() {
        Settings saved = new Settings(List.of("127.0.0.1:5353", "9.9.9.9"), Duration.ofMillis(1500), 50,
                Duration.ofMinutes(90), Duration.ofHours(24), "eu-west-1", Settings.Theme.DARK, "https://api.example");
        try (Database db = Database.open(dir)) {
            JdbcSettingsRepository repo = new JdbcSettingsRepository(db);
            new SettingsStore(repo).save(saved);
            assertEquals("1500", repo.get("dns.timeoutMs").orElseThrow());
            assertEquals("127.0.0.1:5353,9.9.9.9", repo.get("dns.resolvers").orElseThrow());
            assertEquals("dark", repo.get("ui.theme").orElseThrow());
        }
        try (Database db = Database.open(dir)) {
            assertEquals(saved, new SettingsStore(new JdbcSettingsRepository(db)).load());
        }
    }

    @Test
    void aSaveTheStoreRefusesChangesNoSetting() {
        Settings first = Settings.defaults().withTheme(Settings.Theme.DARK);
        Settings refused = new Settings(List.of("127.0.0.1:5353"), Duration.ofMillis(1500), 50, Duration.ofMinutes(90),
                Duration.ofHours(24), "eu-west-1", Settings.Theme.LIGHT, "https://api.example/" + "p".repeat(5000));
        try (Database db = Database.open(dir)) {
            SettingsStore store = new SettingsStore(new JdbcSettingsRepository(db));
            store.save(first);
            assertThrows(RuntimeException.class, () -> store.save(refused), "the URL is longer than the column");
            assertEquals(first, store.load(), "one transaction: the values before the URL were not written either");
        }
    }

    @Test
    void aBadStoredValueFallsBackToItsDefaultAndKeepsTheRest() {
        try (Database db = Database.open(dir)) {
            JdbcSettingsRepository repo = new JdbcSettingsRepository(db);
            repo.put("dns.timeoutMs", "soon");
            repo.put("check.concurrency", "20");
            Settings loaded = new SettingsStore(repo).load();
            assertEquals(Duration.ofMillis(3000), loaded.dnsTimeout());
            assertEquals(20, loaded.checkConcurrency());
        }
    }

    @Test
    void outOfRangeValuesAreRefusedWithAMessageNamingTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Settings(List.of(),
                Duration.ofMillis(10), 200, Duration.ofMinutes(360), Duration.ofHours(72), "us-east-1",
                Settings.Theme.LIGHT, ""));
        assertTrue(e.getMessage().contains("DNS timeout"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Settings.defaults().withResolvers(List.of("not a host")));
        assertTrue(e.getMessage().contains("'not a host'"), e.getMessage());
    }

    @Test
    void windowPlacementSurvivesAFileRoundTripAndIgnoresGarbage() throws Exception {
        WindowPlacementFile file = new WindowPlacementFile(dir);
        assertTrue(file.read().isEmpty());
        file.write(new WindowPlacement(10, 20, 1000, 700, false));
        assertEquals(new WindowPlacement(10, 20, 1000, 700, false), file.read().orElseThrow());
        java.nio.file.Files.writeString(dir.resolve("window.txt"), "garbage");
        assertTrue(file.read().isEmpty());
    }
}
