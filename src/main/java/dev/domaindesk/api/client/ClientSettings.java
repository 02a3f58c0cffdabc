package dev.domaindesk.api.client;

import dev.domaindesk.settings.Setting;
import dev.domaindesk.settings.SettingsRepository;
import java.time.Duration;

/**
 * The client's limits, from the {@code setting} table with these defaults:
 * {@code api.connectTimeoutMs} 10000, {@code api.requestTimeoutMs} 30000 (a whole exchange, body included),
 * {@code api.maxResponseBytes} 16 MiB, {@code api.maxRetries} 3 (for 429 and 5xx), {@code api.parallelism} 4
 * (record downloads at once), {@code api.maxPages} 10000 (of 100 domains), {@code api.maxSyncSeconds} 300 (a whole
 * sync, all its requests and waits).
 *
 * @param maxRetryWait the longest single wait before a retry; a longer Retry-After fails at once
 */
public record ClientSettings(Duration connectTimeout, Duration requestTimeout, long maxResponseBytes, int maxRetries,
                             int parallelism, int maxPages, Duration retryBase, Duration maxRetryWait,
                             Duration maxSyncTime) {
    public static final String URL = "api.url";
    public static final String MAX_SYNC_SECONDS = "api.maxSyncSeconds";
    public static final ClientSettings DEFAULTS = new ClientSettings(Duration.ofSeconds(10), Duration.ofSeconds(30),
            16L * 1024 * 1024, 3, 4, 10_000, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(300));

    /** The stored limits; a value out of its range is refused with a message naming the setting. */
    public static ClientSettings load(SettingsRepository settings) {
        return new ClientSettings(
                Duration.ofMillis(read(settings, "api.connectTimeoutMs", DEFAULTS.connectTimeout.toMillis(), 1, 600_000)),
                Duration.ofMillis(read(settings, "api.requestTimeoutMs", DEFAULTS.requestTimeout.toMillis(), 1, 3_600_000)),
                read(settings, "api.maxResponseBytes", DEFAULTS.maxResponseBytes, 1024, 1L << 31),
                (int) read(settings, "api.maxRetries", DEFAULTS.maxRetries, 0, 10),
                (int) read(settings, "api.parallelism", DEFAULTS.parallelism, 1, 16),
                (int) read(settings, "api.maxPages", DEFAULTS.maxPages, 1, 1_000_000),
                DEFAULTS.retryBase, DEFAULTS.maxRetryWait,
                Duration.ofSeconds(read(settings, MAX_SYNC_SECONDS, DEFAULTS.maxSyncTime.toSeconds(), 1, 86_400)));
    }

    private static long read(SettingsRepository settings, String key, long fallback, long min, long max) {
        return Setting.wholeNumber(key, fallback, min, max).orRefuse(settings);
    }

    public ClientSettings withTimeouts(Duration connect, Duration request) {
        return new ClientSettings(connect, request, maxResponseBytes, maxRetries, parallelism, maxPages, retryBase,
                maxRetryWait, maxSyncTime);
    }

    public ClientSettings withMaxResponseBytes(long bytes) {
        return new ClientSettings(connectTimeout, requestTimeout, bytes, maxRetries, parallelism, maxPages, retryBase,
                maxRetryWait, maxSyncTime);
    }

    public ClientSettings withMaxPages(int pages) {
        return new ClientSettings(connectTimeout, requestTimeout, maxResponseBytes, maxRetries, parallelism, pages,
                retryBase, maxRetryWait, maxSyncTime);
    }
}
