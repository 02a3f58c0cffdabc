package dev.domaindesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.Launcher;
import dev.domaindesk.app.AppContext;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files and outputs that are not what a command expects, given to the command line as a real process: a full disk
 * behind standard output, a FIFO or an endless device to import, a device, FIFO or symlink where an export goes.
 */
class HostileFilesProcessTest {
    private static final int S_IFMT = 0170000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFIFO = 0010000;

    @TempDir
    Path dir;
    Path data;

    @BeforeEach
    void aStoreWithDomains() {
        data = dir.resolve("data");
        try (AppContext app = new AppContext(data, Clock.systemUTC())) {
            for (int i = 0; i < 50; i++) {
                app.domains().add("domain" + i + ".example", null);
            }
        }
    }

    /** Runs the command line with standard output sent to {@code stdout}; waits at most 60 s. */
    private ChildProcessTest.Run run(File stdout, String... args) throws Exception {
        List<String> command = command(args);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(command).redirectOutput(stdout == null ? out.toFile() : stdout)
                .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        boolean ended = p.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        assertTrue(ended, "the command did not end within 60 s");
        return new ChildProcessTest.Run(p.exitValue(), stdout == null ? Files.readString(out) : "",
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void anExportToAFullDiskFailsAndSaysWhy() throws Exception {
        for (String format : List.of("json", "csv", "zone")) {
            ChildProcessTest.Run run = run(new File("/dev/full"), "export", "--format", format);
            assertEquals(ExitCodes.OUTPUT_FAILED, run.code(), format + ": " + run.err());
            assertTrue(run.err().contains("No space left on device"), run.err());
            assertTrue(run.err().lines().count() == 1, "one line, no stack trace: " + run.err());
        }
        ChildProcessTest.Run file = run(null, "export", "--format", "json", "--output", "/dev/full");
        assertEquals(ExitCodes.OUTPUT_FAILED, file.code(), file.err());
        assertEquals("domaindesk: export: could not write /dev/full: No space left on device; the output is incomplete",
                file.err().strip());
    }

    @Test
    void anyCommandsOutputToAFullDiskFails() throws Exception {
        ChildProcessTest.Run list = run(new File("/dev/full"), "list");
        assertEquals(ExitCodes.OUTPUT_FAILED, list.code(), list.err());
        assertTrue(list.err().contains("could not write to standard output: No space left on device"), list.err());
        ChildProcessTest.Run ok = run(null, "list");
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("domain49.example"), ok.out());
    }

    private static int fileType(Path p) throws Exception {
        return (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & S_IFMT;
    }

    /**
     * A character device for the test to write to: as root a private copy of /dev/null (mknod), so that a
     * regression that replaces the device replaces that copy and never the machine's own /dev/null.
     */
    private Path characterDevice() throws Exception {
        Path copy = dir.resolve("null-device");
        Process mknod = new ProcessBuilder("mknod", copy.toString(), "c", "1", "3").redirectErrorStream(true).start();
        mknod.getInputStream().readAllBytes();
        return mknod.waitFor() == 0 ? copy : Path.of("/dev/null");
    }

    @Test
    void anExportToACharacterDeviceWritesThroughItAndLeavesItADevice() throws Exception {
        Path device = characterDevice();
        Object rdev = Files.getAttribute(device, "unix:rdev");
        ChildProcessTest.Run run = run(null, "export", "--format", "json", "--output", device.toString());
        assertEquals(0, run.code(), run.err());
        assertEquals(S_IFCHR, fileType(device), device + " is no longer a character device");
        assertEquals(rdev, Files.getAttribute(device, "unix:rdev"));
        assertEquals(List.of(), leftovers(device.getParent()), "no temporary file is left beside the device");
        // the device itself, now that a private copy has shown the export leaves a device alone
        ChildProcessTest.Run devNull = run(null, "export", "--format", "csv", "--output", "/dev/null");
        assertEquals(0, devNull.code(), devNull.err());
        assertEquals(S_IFCHR, fileType(Path.of("/dev/null")), "/dev/null is no longer a character device");
    }

    @Test
    void anExportToAFifoWritesThroughItToItsReader() throws Exception {
        Path fifo = dir.resolve("export.fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertEquals(0, mkfifo.waitFor(), "mkfifo failed");
        CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo); // blocks until a writer opens the FIFO, reads until it closes
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try {
            ChildProcessTest.Run run = run(null, "export", "--format", "json", "--output", fifo.toString());
            assertEquals(0, run.code(), run.err());
            String received = read.get(30, TimeUnit.SECONDS);
            assertTrue(received.startsWith("[") && received.contains("domain49.example"), received);
            assertEquals(S_IFIFO, fileType(fifo), "the FIFO was replaced");
        } finally {
            if (!read.isDone() && fileType(fifo) == S_IFIFO) {
                try (var unblock = new java.io.FileOutputStream(fifo.toFile())) {
                    unblock.flush(); // lets the reader's open return, so no thread stays blocked
                }
            }
        }
    }

    @Test
    void anExportToASymlinkFollowsItAndKeepsTheLink() throws Exception {
        Path real = Files.writeString(dir.resolve("real.json"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), Path.of("real.json"));
        ChildProcessTest.Run run = run(null, "export", "--format", "json", "--output", link.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(Files.isSymbolicLink(link), "the symlink was replaced by a file");
        assertEquals(Path.of("real.json"), Files.readSymbolicLink(link));
        assertTrue(Files.readString(real).contains("domain49.example"), "the file the link points to holds the export");

        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.csv"), dir.resolve("sub").resolve("new.csv"));
        Files.createDirectory(dir.resolve("sub"));
        ChildProcessTest.Run created = run(null, "export", "--format", "csv", "--output", dangling.toString());
        assertEquals(0, created.code(), created.err());
        assertTrue(Files.isSymbolicLink(dangling));
        assertTrue(Files.readString(dir.resolve("sub").resolve("new.csv")).contains("domain49.example"));
    }

    private static List<String> leftovers(Path directory) throws Exception {
        try (var files = Files.list(directory)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(".domaindesk-export-")).toList();
        }
    }

    private List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName(), "--data-dir", data.toString()));
        command.addAll(List.of(args));
        return command;
    }

    @Test
    void aFifoToImportIsRefusedAtOnceAndTheStoreStaysFree() throws Exception {
        Path fifo = dir.resolve("import.fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor(), "mkfifo failed");
        Process p = new ProcessBuilder(command("import", fifo.toString())).redirectErrorStream(true)
                .redirectOutput(dir.resolve("import.out").toFile()).start();
        try {
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "import of a FIFO hangs (holding the store)");
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        String said = Files.readString(dir.resolve("import.out"));
        assertEquals(2, p.exitValue(), said);
        assertTrue(said.contains("import.fifo: is not a regular file (a FIFO)") && said.contains("nothing was imported"),
                said);
        assertEquals(0, run(null, "list").code(), "the store is free again");
    }

    @Test
    void anEndlessDeviceToImportIsRefused() throws Exception {
        ChildProcessTest.Run run = run(null, "import", "/dev/zero");
        assertEquals(2, run.code(), run.err());
        assertTrue(run.err().contains("/dev/zero: is not a regular file (a device)"), run.err());
    }

    @Test
    void standardInputIsImportedBoundedBySizeWithoutHoldingTheStore() throws Exception {
        String document;
        try (var in = getClass().getResourceAsStream("/service/dns-records.json")) {
            document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // stdin stays open and silent: the store must stay free for another command meanwhile
        Process p = new ProcessBuilder(command("import", "-")).redirectOutput(dir.resolve("stdin.out").toFile())
                .redirectError(dir.resolve("stdin.err").toFile()).start();
        try {
            ChildProcessTest.Run list = run(null, "list");
            assertEquals(0, list.code(), "import - waiting for its input holds the store: " + list.err());
            try (var stdin = p.getOutputStream()) {
                stdin.write(document.getBytes(StandardCharsets.UTF_8));
            }
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "import - did not end when its input did");
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("stdin.err")));
        assertTrue(Files.readString(dir.resolve("stdin.out")).startsWith("imported 1 domain"));

        // endless input (whitespace, which a JSON parser skips forever) stops at --max-bytes
        Process endless = new ProcessBuilder(command("import", "--max-bytes", "1000000", "-"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(dir.resolve("endless.err").toFile()).start();
        byte[] spaces = " ".repeat(65536).getBytes(StandardCharsets.US_ASCII);
        CompletableFuture<Long> pumped = CompletableFuture.supplyAsync(() -> {
            long sent = 0;
            try (var stdin = endless.getOutputStream()) {
                stdin.write('[');
                while (sent < 1L << 31) {
                    stdin.write(spaces);
                    sent += spaces.length;
                }
            } catch (java.io.IOException closedByTheImport) {
                return sent;
            }
            return sent;
        });
        try {
            assertTrue(endless.waitFor(30, TimeUnit.SECONDS), "import - of endless input did not stop");
        } finally {
            endless.destroyForcibly();
        }
        String said = Files.readString(dir.resolve("endless.err"));
        assertEquals(2, endless.exitValue(), said);
        assertTrue(said.contains("standard input is longer than 1000000 bytes (--max-bytes)"), said);
        assertTrue(pumped.get(30, TimeUnit.SECONDS) < 100_000_000L, "the import kept reading");
    }
}
