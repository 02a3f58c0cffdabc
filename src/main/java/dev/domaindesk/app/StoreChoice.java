package dev.domaindesk.app;

import dev.domaindesk.store.StoreException;
import dev.domaindesk.store.StoreLocation;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Which store a process opens: {@code --store URL}, else {@code DOMAINDESK_STORE}, else the data directory's setting
 * ({@code store.url} in {@code store.properties}), else the embedded H2 file in the data directory. The setting lives
 * in a file beside the store rather than in it: it says where the store is.
 */
public final class StoreChoice {
    public static final String ENV = "DOMAINDESK_STORE";
    public static final String SETTINGS_FILE = "store.properties";
    public static final String SETTING = "store.url";

    private StoreChoice() {
    }

    public static StoreLocation resolve(String option, Map<String, String> env, Path dataDir) {
        if (option != null) {
            return choose(option, "--store");
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return choose(fromEnv, ENV);
        }
        Path file = dataDir.resolve(SETTINGS_FILE);
        if (Files.isRegularFile(file)) {
            Properties settings = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                settings.load(in);
            } catch (IOException | IllegalArgumentException e) {
                throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
            }
            String url = settings.getProperty(SETTING);
            if (url != null && !url.isBlank()) {
                return choose(url, SETTING + " in " + file);
            }
        }
        return StoreLocation.embedded();
    }

    /** "embedded" names the default explicitly (to override the environment or the setting for one command). */
    private static StoreLocation choose(String value, String from) {
        if (value.trim().equalsIgnoreCase("embedded")) {
            return StoreLocation.embedded();
        }
        try {
            return StoreLocation.of(value);
        } catch (StoreException e) {
            throw new StoreException(e.getMessage() + " (from " + from + ")", e);
        }
    }
}
