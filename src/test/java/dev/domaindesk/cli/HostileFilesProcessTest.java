package dev.domaindesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.Launcher;
import dev.domaindesk.app.AppContext;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files and outputs that are not what a command expects, given to the command line as a real process: a full disk
 * behind standard output, a FIFO or an endless device to import, a device, FIFO or symlink where an export goes.
 */
class HostileFilesProcessTest {
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
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName(), "--data-dir", data.toString()));
        command.addAll(List.of(args));
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
}
