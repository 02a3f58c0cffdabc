package dev.domaindesk.launch;

import dev.domaindesk.app.DataDirectory;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A class-data-sharing archive of DomainDesk's own classes (H2, Flyway, Jackson, dnsjava ...) for the command JVM,
 * so that a command starts sooner. The first command dumps it at exit; later ones map it. It lives in the user's
 * cache directory as {@code classes-INSTALL-BUILD.jsa}: INSTALL names the JVM and where the jars are, BUILD their
 * sizes and times. A rebuilt jar replaces the archive of its own install only, so two checkouts or versions on one
 * machine keep theirs; archives nobody has used for a month are removed, and so are dumps whose process is gone.
 */
final class ClassArchive {
    private static final Duration UNUSED = Duration.ofDays(30);
    /** A dump being written, or the mark of a command JVM not started yet (see {@link #startMark}), with its pid. */
    private static final Pattern DUMP = Pattern.compile("classes-.*\\.jsa\\.(\\d+)\\.(tmp|start)");

    private final Path file;
    private final String install;

    private ClassArchive(Path file, String install) {
        this.file = file;
        this.install = install;
    }

    /** The archive for this class path, or null when it holds directories (a build tree: CDS takes jars only). */
    static ClassArchive forThisJvm() {
        return forClassPath(DataDirectory.cache(), System.getProperty("java.home") + System.getProperty("java.vm.version"),
                System.getProperty("java.class.path"));
    }

    static ClassArchive forClassPath(Path cache, String jvm, String classPath) {
        StringBuilder where = new StringBuilder(jvm);
        StringBuilder build = new StringBuilder();
        for (String entry : classPath.split(File.pathSeparator)) {
            Path p = Path.of(entry).toAbsolutePath();
            if (Files.isDirectory(p)) {
                return null;
            }
            where.append('|').append(p);
            try {
                build.append(Files.size(p)).append(':').append(Files.getLastModifiedTime(p).toMillis()).append('|');
            } catch (IOException e) {
                build.append("-|");
            }
        }
        String install = hex(where.toString());
        return new ClassArchive(cache.resolve("classes-" + install + "-" + hex(build.toString()) + ".jsa"), install);
    }

    private static String hex(String key) {
        return String.format("%08x", key.hashCode());
    }

    Path file() {
        return file;
    }

    /** True when a command JVM started now would map the archive (rather than dump one). */
    boolean exists() {
        return Files.isReadable(file);
    }

    /**
     * The JVM options that use the archive, or dump it (to {@code dumpTo}) when there is none yet. The JVM's own
     * messages go to standard error, and a crash report to the cache directory: standard output and the current
     * directory are the command's.
     */
    List<String> options(Path dumpTo) {
        List<String> options = new ArrayList<>(List.of("-Xshare:auto", "-Xlog:disable", "-Xlog:all=error:stderr",
                "-XX:+DisplayVMOutputToStderr", "-XX:ErrorFile=" + crashReport("%p")));
        if (exists()) {
            markUsed();
            options.add("-XX:SharedArchiveFile=" + file);
        } else {
            options.add("-XX:ArchiveClassesAtExit=" + dumpTo);
        }
        return options;
    }

    /**
     * A file that a command JVM removes as soon as its {@code main} runs ({@link CommandJvm#started}). Still there
     * when that JVM has ended, it tells that the JVM died while starting: with an archive mapped, the archive is
     * damaged (cut short by a full disk, say), and every command would die the same way until it is removed.
     */
    Path startMark() {
        return file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".start");
    }

    /** Where a command JVM's crash report goes ({@code -XX:ErrorFile} in {@link #options}; "%p": the JVM's pid). */
    Path crashReport(String pid) {
        return file.resolveSibling("hs_err_pid" + pid + ".log");
    }

    /** Removes the archive (damaged): the next command dumps a new one. */
    void drop() {
        deleteQuietly(file);
    }

    /** A fresh name to dump to, in the cache directory (each command its own, so two never write one file). */
    Path dumpFile() {
        return file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
    }

    /** After the command: moves a dump into place and drops this install's archives of older builds. */
    void keep(Path dump) {
        try {
            if (Files.size(dump) > 0 && !Files.exists(file)) {
                Files.move(dump, file, StandardCopyOption.ATOMIC_MOVE);
                String ours = "classes-" + install + "-";
                try (Stream<Path> old = Files.list(file.getParent())) {
                    old.filter(p -> p.getFileName().toString().startsWith(ours) && p.getFileName().toString().endsWith(".jsa")
                            && !p.equals(file)).forEach(ClassArchive::deleteQuietly);
                }
            }
        } catch (IOException e) {
            // no archive this time: the next command dumps again
        } finally {
            deleteQuietly(dump);
        }
    }

    /** A dump that will not be kept (the command was stopped): removed, never left in the cache. */
    void discard(Path dump) {
        deleteQuietly(dump);
    }

    /** Makes the cache directory and clears what earlier runs left: dumps of dead processes, long-unused archives. */
    boolean prepare() {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            return false;
        }
        Instant unusedSince = Instant.now().minus(UNUSED);
        try (Stream<Path> files = Files.list(file.getParent())) {
            files.filter(p -> abandonedDump(p) || unusedArchive(p, unusedSince)).forEach(ClassArchive::deleteQuietly);
        } catch (IOException e) {
            // cleaning is best effort
        }
        return true;
    }

    private static boolean abandonedDump(Path p) {
        Matcher m = DUMP.matcher(p.getFileName().toString());
        return m.matches() && pid(m.group(1)).stream().noneMatch(pid -> ProcessHandle.of(pid).isPresent());
    }

    private static OptionalLong pid(String digits) {
        try {
            return OptionalLong.of(Long.parseLong(digits));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private boolean unusedArchive(Path p, Instant since) {
        String name = p.getFileName().toString();
        if (!name.startsWith("classes-") || !name.endsWith(".jsa") || p.equals(file)) {
            return false;
        }
        try {
            return Files.getLastModifiedTime(p).toInstant().isBefore(since);
        } catch (IOException e) {
            return false;
        }
    }

    /** Archives are dated by their last use, so that only unused ones age out. */
    private void markUsed() {
        try {
            if (Files.getLastModifiedTime(file).toInstant().isBefore(Instant.now().minus(Duration.ofDays(1)))) {
                Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
            }
        } catch (IOException e) {
            // an archive that ages out is dumped again
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
