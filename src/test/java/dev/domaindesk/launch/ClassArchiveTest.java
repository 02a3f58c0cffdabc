package dev.domaindesk.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The class-data archives in the user's cache: named per install and build, cleaned without harming others. */
class ClassArchiveTest {
    static final String JVM = "/usr/lib/jvm/17";

    @TempDir
    Path dir;

    private ClassArchive install(String name) throws Exception {
        Path lib = Files.createDirectories(dir.resolve(name));
        Path jar = Files.writeString(lib.resolve("domaindesk.jar"), "jar of " + name);
        return ClassArchive.forClassPath(dir.resolve("cache"), JVM, jar + File.pathSeparator + lib.resolve("h2.jar"));
    }

    /** What a command's run does with the archive when there is none yet: dumps, then keeps the dump. */
    private static void dumpAndKeep(ClassArchive archive) throws Exception {
        assertTrue(archive.prepare());
        Path dump = archive.dumpFile();
        assertTrue(archive.options(dump).contains("-XX:ArchiveClassesAtExit=" + dump));
        Files.writeString(dump, "archive");
        archive.keep(dump);
    }

    private List<String> cache() throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve("cache"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void twoCheckoutsKeepEachOthersArchives() throws Exception {
        ClassArchive one = install("checkout-one");
        ClassArchive two = install("checkout-two");
        dumpAndKeep(one);
        dumpAndKeep(two);
        assertEquals(2, cache().size(), cache().toString());
        assertTrue(one.options(one.dumpFile()).contains("-XX:SharedArchiveFile=" + one.file()), "the first still maps its own");
    }

    @Test
    void aRebuiltJarReplacesTheArchiveOfItsOwnInstallOnly() throws Exception {
        ClassArchive other = install("other");
        dumpAndKeep(other);
        ClassArchive before = install("mine");
        dumpAndKeep(before);
        Path jar = dir.resolve("mine").resolve("domaindesk.jar");
        Files.writeString(jar, "a rebuilt jar, longer than before");
        // not install("mine"): that writes the old contents back, and within the same millisecond the jar's size
        // and time would then be exactly those of the first build
        ClassArchive after = ClassArchive.forClassPath(dir.resolve("cache"), JVM,
                jar + File.pathSeparator + dir.resolve("mine").resolve("h2.jar"));
        assertNotEquals(before.file(), after.file());
        dumpAndKeep(after);
        assertEquals(List.of(after.file().getFileName().toString(), other.file().getFileName().toString()).stream().sorted()
                .toList(), cache());
    }

    @Test
    void aDumpLeftByAStoppedCommandIsRemovedAndNoneIsLeftByADiscard() throws Exception {
        ClassArchive archive = install("mine");
        assertTrue(archive.prepare());
        Path abandoned = archive.file().resolveSibling(archive.file().getFileName() + "." + deadPid() + ".tmp");
        Files.writeString(abandoned, "half a dump");
        Path running = archive.dumpFile(); // this process is alive: its dump is in progress
        Files.writeString(running, "in progress");
        assertTrue(archive.prepare());
        assertFalse(Files.exists(abandoned), "a dead process's dump is removed");
        assertTrue(Files.exists(running), "a live process's dump is left alone");
        archive.discard(running);
        assertEquals(List.of(), cache());
    }

    @Test
    void aStartMarkLeftByAKilledLauncherIsRemoved() throws Exception {
        ClassArchive archive = install("mine");
        assertTrue(archive.prepare());
        Path abandoned = archive.file().resolveSibling(archive.file().getFileName() + "." + deadPid() + ".start");
        Files.writeString(abandoned, "");
        Path live = Files.createFile(archive.startMark()); // this process is alive: its command JVM is starting
        assertTrue(archive.prepare());
        assertFalse(Files.exists(abandoned), "a dead launcher's mark is removed");
        assertTrue(Files.exists(live), "a live launcher's mark is left alone");
        archive.discard(live);
        assertEquals(List.of(), cache());
    }

    @Test
    void archivesUnusedForAMonthAgeOut() throws Exception {
        ClassArchive old = install("removed-checkout");
        dumpAndKeep(old);
        Files.setLastModifiedTime(old.file(), FileTime.from(Instant.now().minus(Duration.ofDays(31))));
        ClassArchive recent = install("other-checkout");
        dumpAndKeep(recent);
        ClassArchive mine = install("mine");
        dumpAndKeep(mine);
        assertEquals(List.of(mine.file().getFileName().toString(), recent.file().getFileName().toString()).stream()
                .sorted().toList(), cache());
    }

    @Test
    void aBuildTreeHasNoArchive() throws Exception {
        Files.createDirectories(dir.resolve("classes"));
        assertEquals(null, ClassArchive.forClassPath(dir.resolve("cache"), JVM, dir.resolve("classes").toString()));
    }

    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }
}
