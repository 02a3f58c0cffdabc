package dev.domaindesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps the layers apart: services never import JavaFX; UI code never touches JDBC, dnsjava or Jackson. */
class LayerImportsTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/domaindesk");

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    private static boolean isUi(Path file) {
        Path relative = SOURCES.relativize(file);
        for (Path part : relative) {
            if (part.toString().equals("ui")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isShell(Path file) {
        Path relative = SOURCES.relativize(file);
        return relative.startsWith("app") || relative.toString().equals("Launcher.java");
    }

    private static List<String> offenders(List<Path> files, String... forbidden) throws IOException {
        List<String> found = new ArrayList<>();
        for (Path f : files) {
            for (String line : Files.readAllLines(f)) {
                for (String prefix : forbidden) {
                    if (line.startsWith("import " + prefix) || line.startsWith("import static " + prefix)) {
                        found.add(SOURCES.relativize(f) + ": " + line);
                    }
                }
            }
        }
        return found;
    }

    @Test
    void servicesImportNoJavaFx() throws IOException {
        List<Path> services = sources().stream().filter(f -> !isUi(f) && !isShell(f)).toList();
        assertTrue(services.size() > 20, "found only " + services.size() + " service sources");
        assertEquals(List.of(), offenders(services, "javafx.", "org.controlsfx.", "org.kordamp."));
    }

    @Test
    void uiCodeImportsNoJdbcDnsjavaOrJackson() throws IOException {
        List<Path> ui = sources().stream().filter(LayerImportsTest::isUi).toList();
        assertTrue(ui.stream().anyMatch(f -> f.getFileName().toString().endsWith("ViewModel.java")));
        assertEquals(List.of(), offenders(ui, "java.sql.", "javax.sql.", "org.xbill.", "com.fasterxml."));
    }
}
