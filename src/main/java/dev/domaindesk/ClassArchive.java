package dev.domaindesk;

import dev.domaindesk.app.DataDirectory;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A class-data-sharing archive of DomainDesk's own classes (H2, Flyway, Jackson, dnsjava ...) for the command
 * JVM: with it a command starts about 0.3 s sooner. The first command dumps it at exit; later ones map it.
 * It lives in the user's cache directory, named after the JVM and the exact class path (sizes and times
 * included), so a rebuilt jar gets a new one and the old one is removed.
 */
final class ClassArchive {
    private final Path file;

    private ClassArchive(Path file) {
        this.file = file;
    }

    /** The archive for this class path, or null when it holds directories (a build tree: CDS takes jars only). */
    static ClassArchive forThisJvm() {
        StringBuilder key = new StringBuilder(System.getProperty("java.home")).append(System.getProperty("java.vm.version"));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry).toAbsolutePath();
            if (Files.isDirectory(p)) {
                return null;
            }
            key.append('|').append(p);
            try {
                key.append(':').append(Files.size(p)).append(':').append(Files.getLastModifiedTime(p).toMillis());
            } catch (IOException e) {
                key.append(":-");
            }
        }
        return new ClassArchive(DataDirectory.cache().resolve("classes-" + Integer.toHexString(key.toString().hashCode()) + ".jsa"));
    }

    /** The JVM options that use the archive, or dump it (to {@code dumpTo}) when there is none yet. */
    List<String> options(Path dumpTo) {
        List<String> options = new ArrayList<>(List.of("-Xshare:auto", "-Xlog:disable", "-Xlog:all=error:stderr"));
        options.add(Files.isReadable(file) ? "-XX:SharedArchiveFile=" + file : "-XX:ArchiveClassesAtExit=" + dumpTo);
        return options;
    }

    /** A fresh name to dump to, in the cache directory (each command its own, so two never write one file). */
    Path dumpFile() {
        return file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
    }

    /** After the command: moves a dump into place and drops archives of older builds. Never fails the command. */
    void keep(Path dump) {
        try {
            if (Files.size(dump) > 0 && !Files.exists(file)) {
                Files.move(dump, file, StandardCopyOption.ATOMIC_MOVE);
                try (Stream<Path> old = Files.list(file.getParent())) {
                    old.filter(p -> p.getFileName().toString().startsWith("classes-") && !p.equals(file)
                            && !p.getFileName().toString().endsWith(".tmp")).forEach(ClassArchive::deleteQuietly);
                }
            }
        } catch (IOException e) {
            // no archive this time: the next command dumps again
        } finally {
            deleteQuietly(dump);
        }
    }

    boolean prepare() {
        try {
            Files.createDirectories(file.getParent());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // left for the next clean-up
        }
    }
}
