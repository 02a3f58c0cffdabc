package dev.domaindesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --version, -h/--help on every command, and an unknown option that names itself and the command's usage. */
class CliMannersTest {
    static final List<String> COMMANDS = new Cli(System.out, System.err, Clock.systemUTC()).commandNames();

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> argv = new ArrayList<>(List.of("--data-dir", dir.resolve("data").toString()));
        argv.addAll(List.of(args));
        int code = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Clock.systemUTC()).run(argv.toArray(String[]::new));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theCommandsAreTheOnesDocumented() {
        assertTrue(COMMANDS.containsAll(List.of("add", "remove", "list", "records", "import", "export", "check", "sync",
                "remote-check", "serve", "api-key")), COMMANDS.toString());
    }

    @Test
    void versionIsTheBuildsVersion() {
        Result r = run("--version");
        assertEquals(0, r.code());
        assertTrue(r.out().matches("DomainDesk \\d+\\.\\d+\\.\\d+.*\\n"), r.out());
        assertFalse(r.out().contains("${"), "the build filled in the version: " + r.out());
    }

    @Test
    void everyCommandExplainsItselfWithDashHAndDashDashHelpWithoutOpeningTheStore() {
        for (String command : COMMANDS) {
            for (String flag : List.of("-h", "--help")) {
                Result r = run(command, flag);
                assertEquals(0, r.code(), command + " " + flag + ": " + r.err());
                assertEquals("", r.err());
                assertTrue(r.out().startsWith("usage: domaindesk [--data-dir DIR] [--store JDBC-URL] " + command), r.out());
                assertTrue(r.out().contains("Exit codes: 0"), command + " has a help text with its exit codes: " + r.out());
            }
            assertEquals(run(command, "--help"), run("help", command));
        }
        assertFalse(Files.exists(dir.resolve("data")), "help needs no data directory");
    }

    @Test
    void helpAfterOtherArgumentsStillHelps() {
        Result r = run("check", "example.com", "--all", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("--resolver HOST[:PORT]"), r.out());
    }

    @Test
    void theOverallHelpListsEveryCommandAndTheExitCodes() {
        Result r = run("--help");
        assertEquals(0, r.code());
        for (String command : COMMANDS) {
            assertTrue(r.out().contains("\n  " + command + " "), command + " in: " + r.out());
        }
        assertTrue(r.out().contains("Exit codes: 0 done"), r.out());
        // every code a script may see is explained (ExitCodes), the last one too
        String codes = r.out().substring(r.out().indexOf("Exit codes:")).replace('\n', ' ');
        for (int code = ExitCodes.OK; code <= ExitCodes.NOT_STORED; code++) {
            assertTrue(codes.matches("(?s).*[:;] " + code + " .*"), "exit code " + code + " in: " + r.out());
        }
        assertEquals(r, run("-h"));
    }

    @Test
    void anUnknownOptionNamesItselfAndTheCommandsUsage() {
        Result r = run("add", "example.com", "--profil", "ses");
        assertEquals(2, r.code());
        assertEquals("domaindesk: unknown option --profil\nusage: domaindesk add DOMAIN [--profile NAME]\n"
                + "(see 'domaindesk add --help')\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void anUnknownOptionBeforeTheCommandNamesItselfAndTheOverallUsage() {
        Result r = run("--verbose", "list");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("domaindesk: unknown option --verbose\nusage: domaindesk [--data-dir DIR] [--store JDBC-URL] COMMAND"), r.err());
    }

    @Test
    void aUsageMessageThatAlreadyShowsTheUsageDoesNotRepeatIt() {
        Result r = run("records");
        assertEquals(2, r.code());
        assertEquals(1, r.err().split("usage: ", -1).length - 1, r.err());
    }

    @Test
    void doubleDashEndsTheOptions() {
        Args parsed = Args.parse(List.of("--json", "--", "--help", "x"), List.of(), List.of("--json"));
        assertTrue(parsed.flag("--json"));
        assertEquals(List.of("--help", "x"), parsed.positionals());
        Result r = run("records", "--", "--help");
        assertEquals(4, r.code(), "--help after -- is a domain name, not a request for help: " + r.err());
        assertTrue(r.err().contains("--help"), r.err());
    }
}
