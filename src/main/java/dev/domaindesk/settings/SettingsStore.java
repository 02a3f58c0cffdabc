package dev.domaindesk.settings;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads and writes {@link Settings} in the {@code setting} table; a bad stored value falls back to its default. */
public final class SettingsStore {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);
    private static final String LAST_DOMAIN = "ui.lastDomain";

    private final SettingsRepository repository;

    public SettingsStore(SettingsRepository repository) {
        this.repository = repository;
    }

    public Settings load() {
        Settings d = Settings.defaults();
        Settings loaded = new Settings(
                Setting.of(Settings.RESOLVERS, d.resolvers(), SettingsStore::splitResolvers).blankIsValue()
                        .orDefault(repository),
                read(Settings.TIMEOUT_MS, v -> Duration.ofMillis(Long.parseLong(v)), d.dnsTimeout()),
                read(Settings.CONCURRENCY, Integer::parseInt, d.checkConcurrency()),
                read(Settings.CADENCE_MINUTES, v -> Duration.ofMinutes(Long.parseLong(v)), d.verifiedCadence()),
                read(Settings.FAIL_AFTER_HOURS, v -> Duration.ofHours(Long.parseLong(v)), d.failAfter()),
                read(Settings.REGION, String::strip, d.region()),
                read(Settings.THEME, Settings.Theme::parse, d.theme()),
                read(Settings.API_URL, String::strip, d.apiUrl()));
        try {
            return new Settings(loaded.resolvers(), loaded.dnsTimeout(), loaded.checkConcurrency(),
                    loaded.verifiedCadence(), loaded.failAfter(), loaded.region(), loaded.theme(), loaded.apiUrl());
        } catch (IllegalArgumentException e) {
            LOG.warn("Stored settings are out of range ({}); using defaults", e.getMessage());
            return d;
        }
    }

    /** Writes every key, in one transaction. The record was validated when it was built. */
    public void save(Settings s) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(Settings.RESOLVERS, String.join(",", s.resolvers()));
        values.put(Settings.TIMEOUT_MS, Long.toString(s.dnsTimeout().toMillis()));
        values.put(Settings.CONCURRENCY, Integer.toString(s.checkConcurrency()));
        values.put(Settings.CADENCE_MINUTES, Long.toString(s.verifiedCadence().toMinutes()));
        values.put(Settings.FAIL_AFTER_HOURS, Long.toString(s.failAfter().toHours()));
        values.put(Settings.REGION, s.region());
        values.put(Settings.THEME, s.theme().wire());
        values.put(Settings.API_URL, s.apiUrl());
        repository.putAll(values);
    }

    public Optional<String> lastDomainId() {
        return repository.get(LAST_DOMAIN).filter(v -> !v.isBlank());
    }

    public void saveLastDomainId(String domainId) {
        repository.put(LAST_DOMAIN, domainId == null ? "" : domainId);
    }

    static List<String> splitResolvers(String text) {
        return Arrays.stream(text.split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private <T> T read(String key, Function<String, T> parse, T fallback) {
        return Setting.of(key, fallback, parse).orDefault(repository);
    }
}
