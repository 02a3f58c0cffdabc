package dev.domaindesk.settings;

import dev.domaindesk.domains.DomainRepository;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads and writes {@link Settings} in the {@code setting} table; a bad stored value falls back to its default. */
public final class SettingsStore {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);
    private static final String LAST_DOMAIN = "ui.lastDomain";

    private final DomainRepository repository;

    public SettingsStore(DomainRepository repository) {
        this.repository = repository;
    }

    public Settings load() {
        Settings d = Settings.defaults();
        Settings loaded = new Settings(
                read(Settings.RESOLVERS, SettingsStore::splitResolvers, d.resolvers()),
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

    /** Writes every key. The record was validated when it was built. */
    public void save(Settings s) {
        repository.putSetting(Settings.RESOLVERS, String.join(",", s.resolvers()));
        repository.putSetting(Settings.TIMEOUT_MS, Long.toString(s.dnsTimeout().toMillis()));
        repository.putSetting(Settings.CONCURRENCY, Integer.toString(s.checkConcurrency()));
        repository.putSetting(Settings.CADENCE_MINUTES, Long.toString(s.verifiedCadence().toMinutes()));
        repository.putSetting(Settings.FAIL_AFTER_HOURS, Long.toString(s.failAfter().toHours()));
        repository.putSetting(Settings.REGION, s.region());
        repository.putSetting(Settings.THEME, s.theme().wire());
        repository.putSetting(Settings.API_URL, s.apiUrl());
    }

    public Optional<String> lastDomainId() {
        return repository.setting(LAST_DOMAIN).filter(v -> !v.isBlank());
    }

    public void saveLastDomainId(String domainId) {
        repository.putSetting(LAST_DOMAIN, domainId == null ? "" : domainId);
    }

    static List<String> splitResolvers(String text) {
        return Arrays.stream(text.split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private <T> T read(String key, Function<String, T> parse, T fallback) {
        Optional<String> raw = repository.setting(key);
        if (raw.isEmpty() || raw.get().isBlank() && !key.equals(Settings.RESOLVERS)) {
            return fallback;
        }
        try {
            return parse.apply(raw.get());
        } catch (RuntimeException e) {
            LOG.warn("Setting {}='{}' is not valid ({}); using the default", key, raw.get(), e.getMessage());
            return fallback;
        }
    }
}
