package dev.domaindesk.api.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the service's API key: the {@code DOMAINDESK_API_KEY} environment variable first, else the file
 * {@code service-api-key} in the data directory, which must be readable by its owner only. Never from a command
 * line argument (those show up in {@code ps} and shell history).
 */
public final class ServiceKeySource {
    public static final String ENV = "DOMAINDESK_API_KEY";
    public static final String FILE_NAME = "service-api-key";
    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private final Path dataDir;
    private final Map<String, String> env;

    public ServiceKeySource(Path dataDir, Map<String, String> env) {
        this.dataDir = dataDir;
        this.env = env;
    }

    public Path file() {
        return dataDir.resolve(FILE_NAME);
    }

    /** The key, or a CONFIG failure saying how to provide one. */
    public ServiceKey require() {
        return find().orElseThrow(() -> new ApiException(ApiException.Kind.CONFIG, "no API key: set the environment"
                + " variable " + ENV + ", or store it with 'domaindesk api-key set-service' (reads it from standard"
                + " input into " + file() + ", readable by you only)"));
    }

    public Optional<ServiceKey> find() {
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(new ServiceKey(fromEnv, "the environment variable " + ENV));
        }
        Path file = file();
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            if (posix() && !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file))) {
                throw new ApiException(ApiException.Kind.CONFIG, "the key file " + file + " can be read by others ("
                        + PosixFilePermissions.toString(Files.getPosixFilePermissions(file)) + "); run 'chmod 600 "
                        + file + "' and consider the key leaked");
            }
            return Optional.of(new ServiceKey(Files.readString(file, StandardCharsets.UTF_8), "the key file " + file));
        } catch (IOException e) {
            throw new ApiException(ApiException.Kind.CONFIG, "cannot read the key file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes the key file with owner-only permissions from the start (a temporary file moved into place). */
    public void save(String secret) {
        new ServiceKey(secret, "standard input");
        try {
            Files.createDirectories(dataDir);
            Path temp = posix()
                    ? Files.createTempFile(dataDir, FILE_NAME, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                    : Files.createTempFile(dataDir, FILE_NAME, ".tmp");
            try {
                Files.writeString(temp, secret.strip() + "\n", StandardCharsets.UTF_8);
                Files.move(temp, file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new ApiException(ApiException.Kind.CONFIG, "cannot write the key file " + file() + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the key file; false when there was none. */
    public boolean delete() {
        try {
            return Files.deleteIfExists(file());
        } catch (IOException e) {
            throw new ApiException(ApiException.Kind.CONFIG, "cannot delete the key file " + file() + ": " + e.getMessage(), e);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
