package dev.domaindesk.files;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Export files written whole or not at all, for the command line and the window alike. */
public final class ExportFiles {
    /** A new export file's permissions where there is no old one to follow: what a usual umask (022) gives. */
    private static final Set<PosixFilePermission> NEW_FILE = PosixFilePermissions.fromString("rw-r--r--");
    /** As Linux's limit on symlinks followed in one lookup. */
    private static final int MAX_LINKS = 40;

    /** Writes the content. */
    public interface Content {
        void write(Writer out) throws IOException;
    }

    private ExportFiles() {
    }

    /**
     * Writes to a temporary file beside {@code target}, then moves it into place, so a failed export never leaves
     * half a file. The result keeps the permissions the old file had (or a new file's usual ones), not the
     * owner-only permissions of the temporary file.
     * <p>
     * A symlink at {@code target} is followed, as the shell's {@code >} does: the file it points to gets the export
     * and the link stays. What is there that is no regular file (a device such as /dev/null, a FIFO) is written
     * through, never replaced: moving a file onto it would swap the device for a file (as root, /dev/null itself).
     */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = followLinks(target.toAbsolutePath());
        BasicFileAttributes existing = attributes(absolute);
        if (existing != null && existing.isDirectory()) {
            throw new IOException(absolute + " is a directory");
        }
        if (existing != null && existing.isOther()) {
            // not created, not truncated: a device or FIFO is opened as it is and written in order
            try (Writer out = new BufferedWriter(new OutputStreamWriter(
                    Files.newOutputStream(absolute, StandardOpenOption.WRITE), StandardCharsets.UTF_8))) {
                content.write(out);
            }
            return;
        }
        Path temp = Files.createTempFile(absolute.getParent(), ".domaindesk-export-", ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                content.write(out);
            }
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temp, Files.exists(absolute) ? Files.getPosixFilePermissions(absolute) : NEW_FILE);
            }
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /** The path a chain of symlinks ends at, existing or not (a dangling link's target is created). */
    static Path followLinks(Path path) throws IOException {
        Path current = path;
        for (int hops = 0; Files.isSymbolicLink(current); hops++) {
            if (hops == MAX_LINKS) {
                throw new IOException(path + ": too many levels of symbolic links");
            }
            current = current.getParent().resolve(Files.readSymbolicLink(current));
        }
        return current;
    }

    private static BasicFileAttributes attributes(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
