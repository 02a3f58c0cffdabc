package dev.domaindesk.verification;

import dev.domaindesk.domains.DomainRepository;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler's settings, read from the {@code setting} table with their defaults.
 *
 * @param verifiedCadence how often a verified record is re-checked ({@code schedule.verifiedCadenceMinutes}, 360)
 * @param failAfter       how long a domain may stay pending before it counts as failed ({@code schedule.failAfterHours}, 72)
 * @param concurrency     queries in flight at most ({@code check.concurrency}, 200)
 */
public record ScheduleSettings(Duration verifiedCadence, Duration failAfter, int concurrency) {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduleSettings.class);

    public static final String CADENCE_KEY = "schedule.verifiedCadenceMinutes";
    public static final String FAIL_AFTER_KEY = "schedule.failAfterHours";
    public static final String CONCURRENCY_KEY = "check.concurrency";
    public static final ScheduleSettings DEFAULTS = new ScheduleSettings(Duration.ofMinutes(360), Duration.ofHours(72), 200);

    public ScheduleSettings {
        if (verifiedCadence.isNegative() || verifiedCadence.isZero()) {
            throw new IllegalArgumentException("the verified cadence must be positive, not " + verifiedCadence);
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("check.concurrency must be at least 1, not " + concurrency);
        }
    }

    /** The settings as stored; a missing or unreadable value falls back to its default (and is logged). */
    public static ScheduleSettings load(DomainRepository repository) {
        long cadence = positive(repository, CADENCE_KEY, DEFAULTS.verifiedCadence.toMinutes());
        long failHours = positive(repository, FAIL_AFTER_KEY, DEFAULTS.failAfter.toHours());
        long concurrency = positive(repository, CONCURRENCY_KEY, DEFAULTS.concurrency);
        return new ScheduleSettings(Duration.ofMinutes(cadence), Duration.ofHours(failHours),
                (int) Math.min(concurrency, 10_000));
    }

    private static long positive(DomainRepository repository, String key, long fallback) {
        String text = repository.setting(key).orElse(null);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text.strip());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        LOG.warn("Setting {} = '{}' is not a positive whole number; using {}", key, text, fallback);
        return fallback;
    }
}
