package dev.domaindesk.ui.testing;

import dev.domaindesk.settings.SettingsRepository;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Settings in a map, for view-model tests without a store. */
public final class InMemorySettingsRepository implements SettingsRepository {
    private final Map<String, String> values = new HashMap<>();

    @Override
    public synchronized Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    @Override
    public synchronized void put(String key, String value) {
        values.put(key, value);
    }

    @Override
    public synchronized void putAll(Map<String, String> entries) {
        values.putAll(entries);
    }
}
