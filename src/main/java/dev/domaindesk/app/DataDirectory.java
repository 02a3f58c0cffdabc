package dev.domaindesk.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where DomainDesk keeps its data: {@code --data-dir}, else {@code DOMAINDESK_HOME}, else the platform's place. */
public final class DataDirectory {
    public static final String ENV = "DOMAINDESK_HOME";

    private DataDirectory() {
    }

    public static Path resolve(String option, Map<String, String> env, String osName, String userHome) {
        if (option != null && !option.isBlank()) {
            return Path.of(option).toAbsolutePath();
        }
        String home = env.get(ENV);
        if (home != null && !home.isBlank()) {
            return Path.of(home).toAbsolutePath();
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return appData != null ? Path.of(appData, "DomainDesk") : Path.of(userHome, "AppData", "Roaming", "DomainDesk");
        }
        if (os.contains("mac")) {
            return Path.of(userHome, "Library", "Application Support", "DomainDesk");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "domaindesk") : Path.of(userHome, ".local", "share", "domaindesk");
    }

    /**
     * Where DomainDesk keeps what it can rebuild (the command JVM's class archive): {@code $XDG_CACHE_HOME/domaindesk}
     * or {@code ~/.cache/domaindesk}, {@code %LOCALAPPDATA%\DomainDesk\cache}, {@code ~/Library/Caches/DomainDesk}.
     */
    public static Path cache(Map<String, String> env, String osName, String userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String local = env.get("LOCALAPPDATA");
            return local != null ? Path.of(local, "DomainDesk", "cache") : Path.of(userHome, "AppData", "Local", "DomainDesk", "cache");
        }
        if (os.contains("mac")) {
            return Path.of(userHome, "Library", "Caches", "DomainDesk");
        }
        String xdg = env.get("XDG_CACHE_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "domaindesk") : Path.of(userHome, ".cache", "domaindesk");
    }

    public static Path cache() {
        return cache(System.getenv(), System.getProperty("os.name"), System.getProperty("user.home"));
    }

    public static Path resolve(String option) {
        return resolve(option, System.getenv(), System.getProperty("os.name"), System.getProperty("user.home"));
    }
}
