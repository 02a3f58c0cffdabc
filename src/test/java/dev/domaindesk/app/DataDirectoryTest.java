package dev.domaindesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataDirectoryTest {
    @Test
    void optionWinsOverEnvironment() {
        assertEquals(Path.of("/tmp/x").toAbsolutePath(),
                DataDirectory.resolve("/tmp/x", Map.of("DOMAINDESK_HOME", "/tmp/y"), "Linux", "/home/u"));
        assertEquals(Path.of("/tmp/y"), DataDirectory.resolve(null, Map.of("DOMAINDESK_HOME", "/tmp/y"), "Linux", "/home/u"));
    }

    @Test
    void platformDefaults() {
        assertEquals(Path.of("/home/u/.local/share/domaindesk"), DataDirectory.resolve(null, Map.of(), "Linux", "/home/u"));
        assertEquals(Path.of("/xdg/domaindesk"), DataDirectory.resolve(null, Map.of("XDG_DATA_HOME", "/xdg"), "Linux", "/home/u"));
        assertEquals(Path.of("/home/u/Library/Application Support/DomainDesk"),
                DataDirectory.resolve(null, Map.of(), "Mac OS X", "/home/u"));
        assertEquals(Path.of("C:/Users/u/AppData/Roaming", "DomainDesk"),
                DataDirectory.resolve(null, Map.of("APPDATA", "C:/Users/u/AppData/Roaming"), "Windows 11", "C:/Users/u"));
    }

    @Test
    void cacheDirectoryFollowsThePlatform() {
        assertEquals(Path.of("/home/u/.cache/domaindesk"), DataDirectory.cache(Map.of(), "Linux", "/home/u"));
        assertEquals(Path.of("/xdg-cache/domaindesk"), DataDirectory.cache(Map.of("XDG_CACHE_HOME", "/xdg-cache"), "Linux", "/home/u"));
        assertEquals(Path.of("/home/u/Library/Caches/DomainDesk"), DataDirectory.cache(Map.of(), "Mac OS X", "/home/u"));
        assertEquals(Path.of("C:/Users/u/AppData/Local", "DomainDesk", "cache"),
                DataDirectory.cache(Map.of("LOCALAPPDATA", "C:/Users/u/AppData/Local"), "Windows 11", "C:/Users/u"));
    }
}
