package dev.domaindesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.Launcher;
import dev.domaindesk.testing.PostgresCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A team's PostgreSQL store from the command line, as real processes (decision 0015): {@code --store}, the environment
 * and the data directory's setting all lead to one store shared by several data directories (machines); passwords
 * come from the environment or a .pgpass file, never the URL, and never show in any output; and what goes wrong
 * (a refused login, no password, no server, no database) is said in a sentence.
 */
class TeamStoreProcessTest {
    private static final PostgresCluster PG = PostgresCluster.shared();

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private Run run(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        for (String name : List.of("DOMAINDESK_STORE", "DOMAINDESK_STORE_USER", "DOMAINDESK_STORE_PASSWORD", "PGUSER",
                "PGPASSWORD", "PGPASSFILE")) {
            pb.environment().remove(name);
        }
        pb.environment().put("PGPASSFILE", dir.resolve("no-such-pgpass").toString()); // not the user's own
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    private static Run ok(Run r) {
        assertEquals(0, r.code(), r.all());
        return r;
    }

    @Test
    void theOptionTheEnvironmentAndTheSettingLeadToOneSharedStore() throws Exception {
        String url = PG.newDatabase();
        Path alice = dir.resolve("alice");
        Path bob = dir.resolve("bob");
        Path carol = dir.resolve("carol");
        ok(run(Map.of(), "--data-dir", alice.toString(), "--store", url, "add", "team.example"));
        ok(run(Map.of(), "--data-dir", alice.toString(), "add", "--store=" + url, "second.example"));
        Run listed = ok(run(Map.of("DOMAINDESK_STORE", url), "--data-dir", bob.toString(), "list"));
        assertTrue(listed.out().contains("team.example") && listed.out().contains("second.example"), listed.out());

        Files.createDirectories(carol);
        Files.writeString(carol.resolve("store.properties"), "store.url = " + url + "\n");
        ok(run(Map.of(), "--data-dir", carol.toString(), "remove", "team.example"));
        Run after = ok(run(Map.of(), "--data-dir", bob.toString(), "--store", url, "list"));
        assertFalse(after.out().contains("team.example"), after.out());
        assertTrue(after.out().contains("second.example"), after.out());

        Run embedded = ok(run(Map.of("DOMAINDESK_STORE", url), "--data-dir", bob.toString(), "--store", "embedded",
                "list"));
        assertFalse(embedded.out().contains("second.example"), "the embedded store of bob's data directory is empty");
        assertFalse(Files.exists(alice.resolve("domaindesk.mv.db")), "no H2 file where the store is PostgreSQL");

        Run restore = run(Map.of(), "--data-dir", alice.toString(), "--store", url, "restore");
        assertEquals(ExitCodes.USAGE, restore.code(), restore.all());
        assertTrue(restore.err().contains("pg_dump"), restore.err());
    }

    @Test
    void aPasswordInTheUrlIsRefusedAndNeverShown() throws Exception {
        String db = PG.newDatabaseOwnedBy(PostgresCluster.TEAMMATE);
        for (String url : List.of(PG.url(db) + "?user=teammate&password=Hunter2-secret",
                "jdbc:postgresql://teammate:Hunter2-secret@127.0.0.1:" + PG.port() + "/" + db)) {
            Run r = run(Map.of(), "--data-dir", dir.toString(), "--store", url, "list");
            assertEquals(ExitCodes.USAGE, r.code(), r.all());
            assertTrue(r.err().contains("password"), r.err());
            assertFalse(r.all().contains("Hunter2-secret"), r.all());
        }
    }

    @Test
    void theLoginTakesItsPasswordFromTheEnvironmentOrAPgpassFileAndSaysWhenItFails() throws Exception {
        String url = PG.url(PG.newDatabaseOwnedBy(PostgresCluster.TEAMMATE)) + "?user=" + PostgresCluster.TEAMMATE;
        String data = dir.resolve("data").toString();

        Run none = run(Map.of(), "--data-dir", data, "--store", url, "list");
        assertEquals(ExitCodes.USAGE, none.code(), none.all());
        assertTrue(none.err().contains("wants a password") && none.err().contains("PGPASSWORD"), none.err());

        Run wrong = run(Map.of("PGPASSWORD", "Wrong-pw-123"), "--data-dir", data, "--store", url, "list");
        assertEquals(ExitCodes.USAGE, wrong.code(), wrong.all());
        assertTrue(wrong.err().contains("refused the login") && wrong.err().contains("from PGPASSWORD"), wrong.err());
        assertFalse(wrong.all().contains("Wrong-pw-123"), wrong.all());

        ok(run(Map.of("DOMAINDESK_STORE_PASSWORD", PostgresCluster.TEAMMATE_PASSWORD), "--data-dir", data,
                "--store", url, "add", "env.example"));

        Path pgpass = dir.resolve("pgpass");
        Files.writeString(pgpass, "127.0.0.1:" + PG.port() + ":*:" + PostgresCluster.TEAMMATE + ":"
                + PostgresCluster.TEAMMATE_PASSWORD + "\n");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        Map<String, String> env = new HashMap<>(Map.of("PGPASSFILE", pgpass.toString()));
        Run viaFile = ok(run(env, "--data-dir", data, "--store", url, "list"));
        assertTrue(viaFile.out().contains("env.example"), viaFile.out());
        assertFalse(viaFile.all().contains(PostgresCluster.TEAMMATE_PASSWORD), viaFile.all());
    }

    @Test
    void noServerNoDatabaseAndAWrongUrlAreSaidPlainly() throws Exception {
        String data = dir.resolve("data").toString();
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        Run noServer = run(Map.of(), "--data-dir", data, "--store", "jdbc:postgresql://127.0.0.1:" + closedPort + "/x",
                "list");
        assertEquals(ExitCodes.USAGE, noServer.code(), noServer.all());
        assertTrue(noServer.err().contains("cannot reach"), noServer.err());

        Run noDatabase = run(Map.of(), "--data-dir", data, "--store", PG.url("missing_db") + "?user=domaindesk", "list");
        assertEquals(ExitCodes.USAGE, noDatabase.code(), noDatabase.all());
        assertTrue(noDatabase.err().contains("does not exist"), noDatabase.err());

        Run notPostgres = run(Map.of(), "--data-dir", data, "--store", "jdbc:mysql://db/x", "list");
        assertEquals(ExitCodes.USAGE, notPostgres.code(), notPostgres.all());
        assertTrue(notPostgres.err().contains("unsupported store URL"), notPostgres.err());

        Run badEnv = run(Map.of("DOMAINDESK_STORE", "postgres://db/x"), "--data-dir", data, "list");
        assertEquals(ExitCodes.USAGE, badEnv.code(), badEnv.all());
        assertTrue(badEnv.err().contains("from DOMAINDESK_STORE"), badEnv.err());
    }

    /**
     * In a terminal, with no password anywhere, the command asks for one and goes on. The terminal is a real
     * pseudo-terminal made by util-linux's {@code script}; the password is typed on it.
     */
    @Test
    void aCommandInATerminalAsksForThePassword() throws Exception {
        String url = PG.url(PG.newDatabaseOwnedBy(PostgresCluster.TEAMMATE)) + "?user=" + PostgresCluster.TEAMMATE;
        assertTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux's script is needed for a terminal");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = String.join(" ", java, "-cp", System.getProperty("java.class.path"), Launcher.class.getName(),
                "--data-dir", dir.resolve("data").toString(), "--store", "'" + url + "'", "add", "prompted.example");
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/script", "-qec", command, "/dev/null");
        for (String name : List.of("DOMAINDESK_STORE", "DOMAINDESK_STORE_PASSWORD", "PGPASSWORD")) {
            pb.environment().remove(name);
        }
        pb.environment().put("PGPASSFILE", dir.resolve("no-such-pgpass").toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        byte[] out;
        try (var in = p.getOutputStream()) {
            in.write((PostgresCluster.TEAMMATE_PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
            out = p.getInputStream().readAllBytes();
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String shown = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), shown);
        assertTrue(shown.contains("Password for the DomainDesk store:"), shown);
        Run listed = ok(run(Map.of("PGPASSWORD", PostgresCluster.TEAMMATE_PASSWORD), "--data-dir",
                dir.resolve("data").toString(), "--store", url, "list"));
        assertTrue(listed.out().contains("prompted.example"), listed.out());
    }
}
