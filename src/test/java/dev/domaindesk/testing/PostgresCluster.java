package dev.domaindesk.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster for tests: {@code initdb} and {@code pg_ctl start} in a temporary directory, on a
 * free loopback port, its unix socket in that directory, never a system service. Run as root (as in CI containers),
 * the server runs as the unprivileged {@code postgres} user, which owns the directory. The binaries are looked up
 * under {@code /usr/lib/postgresql/VERSION/bin} (the newest version); without them it fails, loudly.
 *
 * <p>Logins: the superuser {@link #SUPERUSER} is trusted from loopback (the tests' own connections); the role
 * {@link #TEAMMATE} must give its password {@link #TEAMMATE_PASSWORD} (SCRAM), for the tests of credentials.
 * {@link #shared()} is one cluster for the whole test JVM, stopped when it exits; each test takes a database of its
 * own ({@link #newDatabase()}).
 */
public final class PostgresCluster implements AutoCloseable {
    public static final String SUPERUSER = "domaindesk";
    public static final String TEAMMATE = "teammate";
    public static final String TEAMMATE_PASSWORD = "s3cret-Teammate-pw";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PostgresCluster shared;

    private final Path dir;
    private final Path bin;
    private final int port;
    private final boolean asPostgres;
    private final Thread stopAtExit;

    private PostgresCluster(Path dir, Path bin, int port, boolean asPostgres) {
        this.dir = dir;
        this.bin = bin;
        this.port = port;
        this.asPostgres = asPostgres;
        this.stopAtExit = new Thread(this::stopQuietly, "postgres-cluster-stop");
    }

    /** One cluster for the whole test JVM, started at the first call, stopped (and deleted) when the JVM exits. */
    public static synchronized PostgresCluster shared() {
        if (shared == null) {
            try {
                shared = start(Files.createTempDirectory("domaindesk-pg-"));
            } catch (IOException e) {
                throw new IllegalStateException("cannot create a directory for the test PostgreSQL cluster", e);
            }
        }
        return shared;
    }

    /** Creates and starts a cluster in {@code dir} (an empty or missing directory). */
    public static PostgresCluster start(Path dir) {
        Path bin = binaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        try {
            Files.createDirectories(dir);
            Path data = dir.resolve("data");
            if (root) {
                UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService()
                        .lookupPrincipalByName("postgres");
                Files.setOwner(dir, postgres);
                // the server's user must reach the directory through its parents (a @TempDir under /tmp is 0700)
                for (Path p = dir.getParent(); p != null && !p.equals(Path.of("/tmp")) && !p.equals(p.getRoot());
                     p = p.getParent()) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx--x--x"));
                }
            }
            int port = freePort();
            PostgresCluster cluster = new PostgresCluster(dir, bin, port, root);
            cluster.run(60, bin.resolve("initdb").toString(), "-D", data.toString(), "-U", SUPERUSER, "-A", "trust",
                    "--no-sync", "-E", "UTF8", "--no-locale");
            Files.writeString(data.resolve("pg_hba.conf"), String.join("\n",
                    "local all all trust",
                    "host all " + TEAMMATE + " 127.0.0.1/32 scram-sha-256",
                    "host all all 127.0.0.1/32 trust", ""), StandardCharsets.UTF_8);
            Runtime.getRuntime().addShutdownHook(cluster.stopAtExit);
            // fsync off: a test cluster is thrown away; nothing in the tests depends on surviving a power cut
            cluster.run(60, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("log").toString(),
                    "-w", "-t", "30", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1"
                            + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
                    "start");
            try (Connection c = DriverManager.getConnection(cluster.url("postgres"), SUPERUSER, "");
                 Statement st = c.createStatement()) {
                st.execute("CREATE ROLE " + TEAMMATE + " LOGIN PASSWORD '" + TEAMMATE_PASSWORD + "'");
            }
            return cluster;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot start the test PostgreSQL cluster in " + dir + ": " + e.getMessage(),
                    e);
        }
    }

    /** {@code initdb} and {@code pg_ctl} of the newest PostgreSQL under /usr/lib/postgresql; fails when missing. */
    static Path binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        List<Path> found = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb"))
                        && Files.isExecutable(b.resolve("pg_ctl"))).forEach(found::add);
            } catch (IOException e) {
                throw new IllegalStateException("cannot list " + root, e);
            }
        }
        return found.stream().max(Comparator.comparingInt(b -> version(b.getParent().getFileName().toString())))
                .orElseThrow(() -> new IllegalStateException("PostgreSQL's initdb and pg_ctl are missing (looked in "
                        + root + "/*/bin): install the Debian package postgresql (scripts/test.sh does)"));
    }

    private static int version(String name) {
        try {
            return Integer.parseInt(name.replaceAll("[^0-9].*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A new, empty database owned by the superuser; its JDBC URL (no password: the superuser is trusted). */
    public String newDatabase() {
        return url(newDatabaseOwnedBy(SUPERUSER)) + "?user=" + SUPERUSER;
    }

    /** A new, empty database owned by {@code owner} (who may then make the schema in it); its name. */
    public String newDatabaseOwnedBy(String owner) {
        String name = "t" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres"), SUPERUSER, "");
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name + " OWNER " + owner);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database: " + e.getMessage(), e);
        }
        return name;
    }

    /** The URL of {@code database}, without a user. */
    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    /** The directory holding the data, the log and the unix socket. */
    public Path directory() {
        return dir;
    }

    public String log() {
        try {
            return Files.readString(dir.resolve("log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private void run(int timeoutSeconds, String... command) throws IOException {
        List<String> argv = new ArrayList<>();
        if (asPostgres) {
            argv.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        argv.addAll(List.of(command));
        Path output = Files.createTempFile("pg-cmd", ".out");
        try {
            Process p = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", argv) + " did not finish in " + timeoutSeconds + " s");
            }
            if (p.exitValue() != 0) {
                throw new IOException(String.join(" ", argv) + " failed (" + p.exitValue() + "): "
                        + Files.readString(output) + "\n" + log());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void stopQuietly() {
        try {
            run(30, bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "-w",
                    "stop");
        } catch (IOException e) {
            System.err.println("could not stop the test PostgreSQL cluster in " + dir + ": " + e.getMessage());
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory: the system cleans it up eventually
        }
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException shuttingDown) {
            return; // the hook stops it
        }
        stopQuietly();
    }
}
