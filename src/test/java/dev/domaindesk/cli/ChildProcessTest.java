package dev.domaindesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.Launcher;
import dev.domaindesk.app.AppContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a real process: the store shared with another process, and no JavaFX toolkit for a command. */
class ChildProcessTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run launch(List<String> jvmArgs, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        command.addAll(jvmArgs);
        command.add(Launcher.class.getName());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    /** The store is shared (decision 0011): a command beside a process that has it open reads and writes it. */
    @Test
    void aSecondProcessOnTheSameDataDirSharesTheStore() throws Exception {
        try (AppContext app = new AppContext(dir, Clock.systemUTC())) {
            app.domains().add("example.com", null);
            Run second = launch(List.of(), "--data-dir", dir.toString(), "add", "example.org");
            assertEquals(0, second.code(), second.err());
            assertEquals(2, app.domains().list().size(), "the other process's domain is seen at once");
            Run list = launch(List.of(), "--data-dir", dir.toString(), "list");
            assertEquals(0, list.code(), list.err());
            assertTrue(list.out().contains("example.com") && list.out().contains("example.org"), list.out());
        }
        Run after = launch(List.of(), "--data-dir", dir.toString(), "list");
        assertEquals(0, after.code(), after.err());
        assertTrue(after.out().contains("example.org"));
    }

    @Test
    void aCommandNeverLoadsTheJavaFxToolkit() throws Exception {
        Run run = launch(List.of("-verbose:class"), "--data-dir", dir.toString(), "add", "example.org");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("dev.domaindesk.cli.AddCommand"), "class loading is logged");
        assertFalse(run.out().contains("javafx.application"), "javafx classes were loaded for a command");
    }
}
