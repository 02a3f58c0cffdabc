package dev.domaindesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.app.AppContext;
import dev.domaindesk.cli.ChildProcessTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data directory is one user's: created 0700 with files 0600, and another user's refused in one line. */
class PrivateDataDirectoryTest {
    @TempDir
    Path dir;

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void theDataDirectoryIsCreated0700AndEveryStoreFileAndBackup0600() throws Exception {
        Path data = dir.resolve("new").resolve("data");
        try (AppContext app = new AppContext(data, Clock.systemUTC())) {
            app.domains().add("private.example", null);
            app.importer().importJson(new String(getClass().getResourceAsStream("/service/dns-records.json")
                    .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            assertEquals("rwx------", mode(data));
            assertEquals("rw-------", mode(data.resolve("domaindesk.mv.db")));
        }
        assertEquals("rwx------", mode(data.resolve("backups")));
        try (Stream<Path> files = Files.walk(data)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertEquals("rw-------", mode(f), f.toString());
            }
        }
    }

    @Test
    void aStoreMadeBeforeTheDirectoryWasPrivateIsClosedToOthersOnOpen() throws Exception {
        Path data = dir.resolve("old");
        new AppContext(data, Clock.systemUTC()).close();
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(data.resolve("domaindesk.mv.db"), PosixFilePermissions.fromString("rw-r--r--"));
        ChildProcessTest.launch(List.of(), "--data-dir", data.toString(), "list");
        assertEquals("rwx------", mode(data));
        assertEquals("rw-------", mode(data.resolve("domaindesk.mv.db")));
    }

    /**
     * Run as root, as this project's CI does: a directory of the user {@code nobody}. Root could read it, which
     * is the point: root's files would be left in it, which nobody could not open again.
     */
    @Test
    void anotherUsersDataDirectoryIsRefusedInOneLineNamingItsOwner() throws Exception {
        assertEquals("root", System.getProperty("user.name"), "this test changes a directory's owner: run as root");
        Path data = dir.resolve("theirs");
        new AppContext(data, Clock.systemUTC()).close();
        UserPrincipalLookupService users = data.getFileSystem().getUserPrincipalLookupService();
        try (Stream<Path> files = Files.walk(data)) {
            for (Path f : files.toList()) {
                Files.setOwner(f, users.lookupPrincipalByName("nobody"));
            }
        }
        List<String> before;
        try (Stream<Path> files = Files.list(data)) {
            before = files.map(Path::toString).sorted().toList();
        }
        Run refused = ChildProcessTest.launch(List.of(), "--data-dir", data.toString(), "add", "mine.example");
        assertEquals(2, refused.code(), refused.err());
        List<String> lines = refused.err().lines().toList();
        assertEquals(1, lines.size(), refused.err());
        assertTrue(lines.get(0).contains("belongs to user 'nobody', not to you (root)"), lines.get(0));
        assertTrue(lines.get(0).contains("--data-dir"), "says what to do: " + lines.get(0));
        try (Stream<Path> files = Files.list(data)) {
            assertEquals(before, files.map(Path::toString).sorted().toList(), "nothing was created in it");
        }
        assertFalse(refused.err().contains("Exception"));
    }
}
