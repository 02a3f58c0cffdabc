package dev.domaindesk.verification;

import dev.domaindesk.settings.Setting;
import dev.domaindesk.settings.SettingsRepository;
import java.time.Duration;

/**
 * The scheduler's settings, read from the {@code setting} table with their defaults.
 *
 * @param verifiedCadence how often a verified record is re-checked ({@code schedule.verifiedCadenceMinutes}, 360)
 * @param failAfter       how long a domain may stay pending before it counts as failed ({@code schedule.failAfterHours}, 72)
 * @param concurrency     queries in flight at most ({@code check.concurrency}, 200)
 */
public record ScheduleSettings(Duration verifiedCadence, Duration failAfter, int concurrency) {
    public static final String CADENCE_KEY = "schedule.verifiedCadenceMinutes";
    public static final String FAIL_AFTER_KEY = "schedule.failAfterHours";
    public static final String CONCURRENCY_KEY = "check.concurrency";
    public static final ScheduleSettings DEFAULTS = new ScheduleSettings(Duration.ofMinutes(360), Duration.ofHours(72), 200);
    private static final Setting<Long> CADENCE =
            Setting.wholeNumber(CADENCE_KEY, DEFAULTS.verifiedCadence.toMinutes(), 1, Long.MAX_VALUE);
    private static final Setting<Long> FAIL_AFTER =
            Setting.wholeNumber(FAIL_AFTER_KEY, DEFAULTS.failAfter.toHours(), 1, Long.MAX_VALUE);
    private static final Setting<Long> CONCURRENCY =
            Setting.wholeNumber(CONCURRENCY_KEY, DEFAULTS.concurrency, 1, Long.MAX_VALUE);

    public ScheduleSettings {
        if (verifiedCadence.isNegative() || verifiedCadence.isZero()) {
            throw new IllegalArgumentException("the verified cadence must be positive, not " + verifiedCadence);
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("check.concurrency must be at least 1, not " + concurrency);
        }
    }

    /** The settings as stored; a missing or unreadable value falls back to its default (and is logged). */
    public static ScheduleSettings load(SettingsRepository settings) {
        long cadence = CADENCE.orDefault(settings);
        long failHours = FAIL_AFTER.orDefault(settings);
        long concurrency = CONCURRENCY.orDefault(settings);
        return new ScheduleSettings(Duration.ofMinutes(cadence), Duration.ofHours(failHours),
                (int) Math.min(concurrency, 10_000));
    }
}
