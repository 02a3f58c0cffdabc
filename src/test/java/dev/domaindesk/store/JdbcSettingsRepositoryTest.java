package dev.domaindesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.api.client.ClientSettings;
import dev.domaindesk.history.HistoryService;
import dev.domaindesk.settings.Setting;
import dev.domaindesk.verification.CheckOptions;
import dev.domaindesk.verification.CheckSettings;
import dev.domaindesk.verification.ScheduleSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings repository over a real H2 file, and the typed settings' policies over it. */
class JdbcSettingsRepositoryTest extends StoreTestBase {

    @Test
    void valuesSurviveReopeningAndPutReplaces() {
        try (Database db = openDatabase()) {
            JdbcSettingsRepository settings = new JdbcSettingsRepository(db);
            assertEquals(Optional.empty(), settings.get("region"));
            settings.put("region", "us-west-2");
            settings.put("region", "eu-west-1");
        }
        try (Database db = openDatabase()) {
            assertEquals(Optional.of("eu-west-1"), new JdbcSettingsRepository(db).get("region"));
        }
    }

    @Test
    void putAllIsAllOrNothing() {
        try (Database db = openDatabase()) {
            JdbcSettingsRepository settings = new JdbcSettingsRepository(db);
            settings.put("dns.timeoutMs", "1500");
            Map<String, String> values = new LinkedHashMap<>();
            values.put("dns.timeoutMs", "2500");
            values.put("check.concurrency", "20");
            values.put("region", "x".repeat(5000)); // longer than the column holds: the batch fails at its last row
            assertThrows(RuntimeException.class, () -> settings.putAll(values));
            assertEquals(Optional.of("1500"), settings.get("dns.timeoutMs"), "the earlier rows rolled back");
            assertEquals(Optional.empty(), settings.get("check.concurrency"));

            values.put("region", "eu-west-1");
            settings.putAll(values);
            assertEquals(Optional.of("2500"), settings.get("dns.timeoutMs"));
            assertEquals(Optional.of("20"), settings.get("check.concurrency"));
            assertEquals(Optional.of("eu-west-1"), settings.get("region"));
        }
    }

    @Test
    void checkAndScheduleSettingsOutOfRangeFallBackToTheirDefaults() {
        try (Database db = openDatabase()) {
            JdbcSettingsRepository settings = new JdbcSettingsRepository(db);
            settings.putAll(Map.of("dns.timeoutMs", "-5", "check.concurrency", "many",
                    ScheduleSettings.CADENCE_KEY, "0", ScheduleSettings.FAIL_AFTER_KEY, "24"));
            CheckOptions options = CheckSettings.read(settings);
            assertEquals(CheckOptions.DEFAULT_TIMEOUT, options.timeout());
            assertEquals(CheckOptions.DEFAULT_MAX_IN_FLIGHT, options.maxInFlight());
            ScheduleSettings schedule = ScheduleSettings.load(settings);
            assertEquals(ScheduleSettings.DEFAULTS.verifiedCadence(), schedule.verifiedCadence());
            assertEquals(Duration.ofHours(24), schedule.failAfter(), "a readable value is kept beside a bad one");
            assertEquals(ScheduleSettings.DEFAULTS.concurrency(), schedule.concurrency());
        }
    }

    @Test
    void clientSettingsOutOfRangeAreRefusedNamingTheSetting() {
        try (Database db = openDatabase()) {
            JdbcSettingsRepository settings = new JdbcSettingsRepository(db);
            settings.put("api.parallelism", "17");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClientSettings.load(settings));
            assertEquals("the setting api.parallelism is '17'; it must be a whole number from 1 to 16", e.getMessage());
            settings.put("api.parallelism", "16");
            assertEquals(16, ClientSettings.load(settings).parallelism());
        }
    }

    @Test
    void historyRetentionFallsBackToAYearWhenUnreadable() {
        try (Database db = openDatabase()) {
            JdbcSettingsRepository settings = new JdbcSettingsRepository(db);
            HistoryService history = new HistoryService(new JdbcHistoryRepository(db), settings, Clock.systemUTC());
            settings.put(HistoryService.RETENTION_DAYS, "forever");
            assertEquals(Duration.ofDays(365), history.retention());
            settings.put(HistoryService.RETENTION_DAYS, "30");
            assertEquals(Duration.ofDays(30), history.retention());
        }
    }

    @Test
    void aBlankValueIsTheDefaultUnlessBlankMeansSomething() {
        try (Database db = openDatabase()) {
            JdbcSettingsRepository settings = new JdbcSettingsRepository(db);
            settings.put("k", " ");
            assertEquals(7L, Setting.wholeNumber("k", 7, 1, 9).orRefuse(settings));
            assertTrue(Setting.of("k", "fallback", String::strip).blankIsValue().orDefault(settings).isEmpty());
        }
    }
}
