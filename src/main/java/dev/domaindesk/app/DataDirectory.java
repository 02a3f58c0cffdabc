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

    public static Path resolve(String option) {
        return resolve(option, System.getenv(), System.getProperty("os.name"), System.getProperty("user.home"));
    }
}
