package dev.domaindesk.settings;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * DomainDesk's settings, typed. Stored as strings in the {@code setting} table under the keys below.
 *
 * @param resolvers  host[:port] of the resolvers to ask; empty means the system's resolvers
 */
public record Settings(
        List<String> resolvers,
        Duration dnsTimeout,
        int checkConcurrency,
        Duration verifiedCadence,
        Duration failAfter,
        String region,
        Theme theme,
        String apiUrl) {

    public static final String RESOLVERS = "dns.resolvers";
    public static final String TIMEOUT_MS = "dns.timeoutMs";
    public static final String CONCURRENCY = "check.concurrency";
    public static final String CADENCE_MINUTES = "schedule.verifiedCadenceMinutes";
    public static final String FAIL_AFTER_HOURS = "schedule.failAfterHours";
    public static final String REGION = "region";
    public static final String THEME = "ui.theme";
    public static final String API_URL = "api.url";

    public enum Theme {
        LIGHT, DARK;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Theme parse(String text) {
            for (Theme t : values()) {
                if (t.wire().equalsIgnoreCase(text == null ? "" : text.strip())) {
                    return t;
                }
            }
            throw new IllegalArgumentException("theme must be light or dark, not '" + text + "'");
        }
    }

    public Settings {
        resolvers = List.copyOf(resolvers);
        Objects.requireNonNull(dnsTimeout, "dnsTimeout");
        Objects.requireNonNull(verifiedCadence, "verifiedCadence");
        Objects.requireNonNull(failAfter, "failAfter");
        Objects.requireNonNull(theme, "theme");
        region = region == null ? "" : region.strip();
        apiUrl = apiUrl == null ? "" : apiUrl.strip();
        if (dnsTimeout.toMillis() < 100 || dnsTimeout.toMillis() > 60_000) {
            throw new IllegalArgumentException("the DNS timeout must be between 100 and 60000 ms, not "
                    + dnsTimeout.toMillis());
        }
        if (checkConcurrency < 1 || checkConcurrency > 1000) {
            throw new IllegalArgumentException("the check concurrency must be between 1 and 1000, not "
                    + checkConcurrency);
        }
        if (verifiedCadence.toMinutes() < 1) {
            throw new IllegalArgumentException("the re-check cadence must be at least 1 minute");
        }
        if (failAfter.toHours() < 1) {
            throw new IllegalArgumentException("'failed after' must be at least 1 hour");
        }
        if (!region.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
            throw new IllegalArgumentException("'" + region + "' is not a region such as us-east-1");
        }
        for (String resolver : resolvers) {
            if (!resolver.matches("[A-Za-z0-9.:\\[\\]-]+")) {
                throw new IllegalArgumentException("'" + resolver + "' is not a resolver address (host or host:port)");
            }
        }
    }

    public static Settings defaults() {
        return new Settings(List.of(), Duration.ofMillis(3000), 200, Duration.ofMinutes(360), Duration.ofHours(72),
                "us-east-1", Theme.LIGHT, "");
    }

    public Settings withTheme(Theme newTheme) {
        return new Settings(resolvers, dnsTimeout, checkConcurrency, verifiedCadence, failAfter, region, newTheme,
                apiUrl);
    }

    public Settings withResolvers(List<String> newResolvers) {
        return new Settings(newResolvers, dnsTimeout, checkConcurrency, verifiedCadence, failAfter, region, theme,
                apiUrl);
    }
}
