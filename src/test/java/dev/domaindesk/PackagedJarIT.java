package dev.domaindesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar target/domaindesk.jar ...} exactly as the README says, after {@code mvn package}. */
class PackagedJarIT {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    private Run jar(String... args) throws Exception {
        return jar(Map.of(), args);
    }

    private Run jar(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of("target", "domaindesk.jar").toAbsolutePath().toString(), "--data-dir", dir.resolve("data").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        env.forEach((k, v) -> {
            if (v == null || v.isEmpty()) {
                pb.environment().remove(k);
            } else {
                pb.environment().put(k, v);
            }
        });
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    private List<String> cacheFiles() throws Exception {
        Path cache = dir.resolve("cache").resolve("domaindesk");
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cache)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void commandsWorkFromThePackagedJarAndTheSecondStartsFromTheClassArchive() throws Exception {
        Run add = jar("add", "example.com");
        assertEquals(0, add.code(), add.err());
        assertTrue(add.out().contains("\"domain\" : \"example.com\""), add.out());
        List<String> archives = cacheFiles();
        assertEquals(1, archives.size(), "the first command leaves one class archive: " + archives);
        assertTrue(archives.get(0).matches("classes-[0-9a-f]+-[0-9a-f]+\\.jsa"), archives.toString());

        Run list = jar("list");
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().contains("example.com"), list.out());
        assertEquals("", list.err(), "nothing from the JVM on stderr");
        assertEquals(archives, cacheFiles(), "the archive is reused, not dumped again");

        Run missing = jar("records", "nope.example");
        assertEquals(4, missing.code(), "exit codes pass through the command's JVM: " + missing.err());
    }

    @Test
    void aDamagedClassArchiveIsRemovedAndTheCommandStillRuns() throws Exception {
        assertEquals(0, jar("add", "example.com").code());
        List<String> archives = cacheFiles();
        assertEquals(1, archives.size(), archives.toString());
        Path archive = dir.resolve("cache").resolve("domaindesk").resolve(archives.get(0));
        long whole = Files.size(archive);
        assertTrue(archive.toFile().setWritable(true));
        try (var cut = new java.io.RandomAccessFile(archive.toFile(), "rw")) {
            cut.setLength(whole / 10); // as a full disk leaves a dump: the JVM dies mapping it
        }

        Run list = jar("list");
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().contains("example.com"), list.out());
        assertTrue(list.err().contains("could not start from its class archive") && list.err().contains("removed"),
                list.err());
        assertEquals(archives, cacheFiles(), "a new archive in its place, no start mark or crash report left");
        assertTrue(Files.size(archive) > whole / 10, "dumped anew, whole: " + Files.size(archive));

        Run again = jar("list");
        assertEquals(0, again.code(), again.err());
        assertEquals("", again.err(), "the new archive maps");
    }

    @Test
    void withoutADisplayTheWindowSaysSoInOneLine() throws Exception {
        Map<String, String> noDisplay = new HashMap<>();
        noDisplay.put("DISPLAY", "");
        noDisplay.put("WAYLAND_DISPLAY", "");
        Run window = jar(noDisplay);
        assertEquals(1, window.code());
        assertEquals("no display: DomainDesk's window needs a desktop; the command line works without one, see --help\n",
                window.err());
    }

    @Test
    void versionAndHelpAnswerAtOnce() throws Exception {
        Run version = jar("--version");
        assertEquals(0, version.code(), version.err());
        assertTrue(version.out().startsWith("DomainDesk 0."), version.out());
        Run help = jar("add", "--help");
        assertEquals(0, help.code(), help.err());
        assertTrue(help.out().startsWith("usage: domaindesk [--data-dir DIR] [--store JDBC-URL] add DOMAIN"), help.out());
        assertEquals(List.of(), cacheFiles(), "answered in the first JVM: no command JVM, no archive");
    }
}
