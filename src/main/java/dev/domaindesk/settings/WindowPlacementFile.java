package dev.domaindesk.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's size and position in {@code window.txt} of the data directory: a tiny file read before the window
 * opens (so it opens in place without waiting for the database) and written after it closes.
 */
public final class WindowPlacementFile {
    private static final Logger LOG = LoggerFactory.getLogger(WindowPlacementFile.class);

    private final Path file;

    public WindowPlacementFile(Path dataDir) {
        this.file = dataDir.resolve("window.txt");
    }

    public Optional<WindowPlacement> read() {
        try {
            return Files.isRegularFile(file) ? WindowPlacement.parse(Files.readString(file).strip()) : Optional.empty();
        } catch (IOException e) {
            LOG.warn("Cannot read {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    public void write(WindowPlacement placement) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling("window.txt.tmp");
            Files.writeString(tmp, placement.wire() + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Cannot remember the window's placement in {}: {}", file, e.getMessage());
        }
    }
}
