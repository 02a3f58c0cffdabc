package dev.domaindesk.settings;

import java.util.Map;
import java.util.Optional;

/** The stored settings: plain key/value strings; {@link Setting} reads them typed. */
public interface SettingsRepository {
    Optional<String> get(String key);

    void put(String key, String value);

    /** Stores every value in one transaction: all of them or, on any failure, none. */
    void putAll(Map<String, String> values);
}
