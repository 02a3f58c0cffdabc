package dev.domaindesk.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportFilesTest {
    @TempDir
    Path dir;

    @Test
    void aNewExportIsReadableLikeAnyNewFileNotOwnerOnlyLikeItsTemporaryFile() throws IOException {
        Path target = dir.resolve("all.zone");
        ExportFiles.write(target, out -> out.write("; zone\n"));
        assertEquals("; zone\n", Files.readString(target));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    }

    @Test
    void anExportOverAnOldFileKeepsItsPermissions() throws IOException {
        Path target = dir.resolve("all.csv");
        Files.writeString(target, "old");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-rw----"));
        ExportFiles.write(target, out -> out.write("new"));
        assertEquals("new", Files.readString(target));
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    }

    @Test
    void aFailedExportLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("all.json");
        Files.writeString(target, "old");
        assertThrows(IOException.class, () -> ExportFiles.write(target, out -> {
            out.write("half");
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("all.json"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void aSymlinkLoopAndADirectoryAreRefusedNotReplaced() throws IOException {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        Files.createSymbolicLink(a, b);
        Files.createSymbolicLink(b, a);
        IOException loop = assertThrows(IOException.class, () -> ExportFiles.write(a, out -> out.write("x")));
        assertEquals(a + ": too many levels of symbolic links", loop.getMessage());
        assertEquals(b, Files.readSymbolicLink(a));

        Path directory = Files.createDirectory(dir.resolve("exports"));
        IOException refused = assertThrows(IOException.class, () -> ExportFiles.write(directory, out -> out.write("x")));
        assertEquals(directory + " is a directory", refused.getMessage());
        assertEquals(true, Files.isDirectory(directory));
    }
}
