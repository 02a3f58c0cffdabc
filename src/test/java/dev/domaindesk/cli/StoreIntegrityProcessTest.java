package dev.domaindesk.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.cli.ChildProcessTest.Run;
import dev.domaindesk.app.AppContext;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damage to the store file, done the way it happens (the end of the file lost, the file emptied, bits flipped on
 * disk) between real command processes: the next command refuses the store in one paragraph that says what
 * happened and what to do, writes nothing over it, and {@code restore} brings back the latest backup.
 */
class StoreIntegrityProcessTest {
    @TempDir
    Path dir;
    Path data;
    Path store;

    @BeforeEach
    void aStoreWithAnImportAndMoreDomains() throws Exception {
        data = dir.resolve("data");
        store = data.resolve("domaindesk.mv.db");
        String document;
        try (InputStream in = getClass().getResourceAsStream("/service/dns-records.json")) {
            document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (AppContext app = new AppContext(data, Clock.systemUTC())) {
            app.importer().importJson(document);
            app.domains().add("before-backup.example", null);
            // the second import's backup holds the first import and the domain added after it
            app.importer().importJson(document);
        }
        ok(run("add", "after-backup.example"));
    }

    private Run run(String... args) throws Exception {
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = data.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        // a heap of our choosing keeps the command in the first JVM: half the processes, the same code
        return ChildProcessTest.launch(List.of("-Xmx256m"), all);
    }

    private static Run ok(Run run) {
        assertEquals(0, run.code(), run.err());
        return run;
    }

    /** The store is refused by a reading and by a writing command, in one line, and is left exactly as it was. */
    private void assertRefusedAndUntouched(String what) throws Exception {
        byte[] damaged = Files.readAllBytes(store);
        for (String[] command : List.of(new String[] {"list"}, new String[] {"add", "written-over.example"})) {
            Run refused = run(command);
            assertNotEquals(0, refused.code(), refused.out());
            List<String> lines = refused.err().lines().toList();
            assertEquals(1, lines.size(), refused.err());
            String line = lines.get(0);
            assertTrue(line.contains("is damaged: ") && line.contains(what), line);
            assertTrue(line.contains("Nothing was written to it."), line);
            assertTrue(line.contains("restore"), line);
            assertTrue(line.contains("before import"), "names the latest backup: " + line);
        }
        assertArrayEquals(damaged, Files.readAllBytes(store), "the damaged store was written over");
    }

    private void assertRestoreBringsBackTheImport() throws Exception {
        Run list = ok(run("restore", "--list"));
        assertTrue(list.out().contains("-import.zip"), list.out());
        Run restored = ok(run("restore"));
        assertTrue(restored.out().contains("restored domaindesk-") && restored.out().contains("2 domain(s)"),
                restored.out());
        Run after = ok(run("list"));
        assertTrue(after.out().contains("example.com") && after.out().contains("before-backup.example"), after.out());
        assertFalse(after.out().contains("after-backup.example"), "the backup was taken before the later add");
        ok(run("add", "after-restore.example"));
        try (var kept = Files.list(data.resolve("backups"))) {
            assertTrue(kept.anyMatch(f -> f.getFileName().toString().startsWith("replaced-")), "the damaged file is kept");
        }
    }

    @Test
    void aStoreWhoseLast4KbWereCutOffIsRefusedAndRestoreBringsBackTheBackup() throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(store.toFile(), "rw")) {
            f.setLength(f.length() - 4096);
        }
        assertRefusedAndUntouched("its end is cut off");
        assertRestoreBringsBackTheImport();
    }

    @Test
    void aStoreTruncatedToZeroBytesIsNotOpenedAsANewEmptyStore() throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(store.toFile(), "rw")) {
            f.setLength(0);
        }
        assertRefusedAndUntouched("is empty (0 bytes)");
        assertRestoreBringsBackTheImport();
    }

    @Test
    void aStoreWithAHundredFlippedBitsIsRefusedByReadsAndWritesAlike() throws Exception {
        Random random = new Random(20);
        try (RandomAccessFile f = new RandomAccessFile(store.toFile(), "rw")) {
            for (int i = 0; i < 100; i++) {
                long at = (long) (random.nextDouble() * f.length());
                f.seek(at);
                int b = f.read();
                f.seek(at);
                f.write(b ^ (1 << random.nextInt(8)));
            }
        }
        assertRefusedAndUntouched("different content");
        assertRestoreBringsBackTheImport();
    }

    @Test
    void restoreRefusesAStoreInUseAndChangesNothing() throws Exception {
        Process holder = ServeHolder.start(data);
        try {
            Object inode = Files.getAttribute(store, "unix:ino");
            Run refused = run("restore");
            assertEquals(2, refused.code(), refused.err());
            assertTrue(refused.err().contains("in use by another DomainDesk process"), refused.err());
            // the holder may write to the file meanwhile; what restore must not do is put another file in its place
            assertEquals(inode, Files.getAttribute(store, "unix:ino"), "the store file was replaced");
            try (var kept = Files.list(data.resolve("backups"))) {
                assertFalse(kept.anyMatch(f -> f.getFileName().toString().startsWith("replaced-")));
            }
        } finally {
            holder.destroy();
            holder.waitFor();
        }
    }
}
