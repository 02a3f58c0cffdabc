package dev.domaindesk.settings;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One stored setting, typed: its key, its default and how its text is parsed (the parser throws
 * {@link IllegalArgumentException} for a value it refuses). A missing value, or a blank one unless blanks count,
 * is the default. What an unreadable value does is the caller's policy: {@link #orDefault} falls back with a
 * warning, {@link #orRefuse} refuses with a message naming the setting.
 */
public final class Setting<T> {
    private static final Logger LOG = LoggerFactory.getLogger(Setting.class);

    private final String key;
    private final T fallback;
    private final Function<String, T> parse;
    private final boolean blankIsValue;

    private Setting(String key, T fallback, Function<String, T> parse, boolean blankIsValue) {
        this.key = Objects.requireNonNull(key, "key");
        this.fallback = fallback;
        this.parse = Objects.requireNonNull(parse, "parse");
        this.blankIsValue = blankIsValue;
    }

    public static <T> Setting<T> of(String key, T fallback, Function<String, T> parse) {
        return new Setting<>(key, fallback, parse, false);
    }

    /** A whole number from {@code min} to {@code max}. */
    public static Setting<Long> wholeNumber(String key, long fallback, long min, long max) {
        return of(key, fallback, text -> {
            try {
                long value = Long.parseLong(text.strip());
                if (value >= min && value <= max) {
                    return value;
                }
            } catch (NumberFormatException ignored) {
                // refused below, with the range
            }
            throw new IllegalArgumentException("it must be a whole number from " + min + " to " + max);
        });
    }

    /** The same setting with a blank value parsed rather than taken as missing (an empty list means something). */
    public Setting<T> blankIsValue() {
        return new Setting<>(key, fallback, parse, true);
    }

    public String key() {
        return key;
    }

    public T fallback() {
        return fallback;
    }

    /** The stored value, or the default when it is missing or unreadable (logged). */
    public T orDefault(SettingsRepository settings) {
        Optional<String> text = stored(settings);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            return parse.apply(text.get());
        } catch (RuntimeException e) {
            LOG.warn("Setting {}='{}' is not valid ({}); using {}", key, text.get(), e.getMessage(), fallback);
            return fallback;
        }
    }

    /** The stored value, or the default when it is missing; an unreadable value is refused, naming the setting. */
    public T orRefuse(SettingsRepository settings) {
        Optional<String> text = stored(settings);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            return parse.apply(text.get());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the setting " + key + " is '" + text.get() + "'; " + e.getMessage(), e);
        }
    }

    private Optional<String> stored(SettingsRepository settings) {
        return settings.get(key).filter(v -> blankIsValue || !v.isBlank());
    }
}
