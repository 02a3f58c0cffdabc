package dev.domaindesk.api.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceKeySourceTest {
    static final String SECRET = "sk_live_0123456789abcdefghij";

    @TempDir
    Path dir;

    @Test
    void theEnvironmentComesFirst() {
        new ServiceKeySource(dir, Map.of()).save("sk_from_file_000000000000");
        ServiceKey key = new ServiceKeySource(dir, Map.of(ServiceKeySource.ENV, SECRET)).require();
        assertEquals(SECRET, key.secret());
        assertTrue(key.source().contains(ServiceKeySource.ENV));
    }

    @Test
    void theKeyFileIsWrittenOwnerOnlyAndReadBack() throws Exception {
        ServiceKeySource source = new ServiceKeySource(dir, Map.of());
        source.save("  " + SECRET + "\n");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(source.file())));
        assertEquals(SECRET, source.require().secret());
        assertTrue(source.delete());
        assertTrue(source.find().isEmpty());
    }

    @Test
    void aKeyFileOthersCanReadIsRefused() throws Exception {
        ServiceKeySource source = new ServiceKeySource(dir, Map.of());
        source.save(SECRET);
        Files.setPosixFilePermissions(source.file(), PosixFilePermissions.fromString("rw-r--r--"));
        ApiException e = assertThrows(ApiException.class, source::require);
        assertEquals(ApiException.Kind.CONFIG, e.kind());
        assertTrue(e.getMessage().contains("chmod 600"), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET));
    }

    @Test
    void theKeyIsMaskedWheneverItIsShown() {
        ServiceKey key = new ServiceKey(SECRET, "test");
        assertEquals("****ghij", key.masked());
        assertFalse(key.toString().contains(SECRET));
        assertEquals("****", new ServiceKey("short", "test").masked());
    }

    @Test
    void keysThatCannotGoIntoAHeaderAreRefused() {
        assertThrows(ApiException.class, () -> new ServiceKey("two words", "test"));
        assertThrows(ApiException.class, () -> new ServiceKey("line\nbreak", "test"));
        assertThrows(ApiException.class, () -> new ServiceKey("  ", "test"));
    }
}
