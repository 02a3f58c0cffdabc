package dev.domaindesk.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Copies of the store taken with H2's online {@code BACKUP} before an import, a sync or a migration (the
 * operations that replace many rows at once), kept in {@code backups/} and rotated; and bringing one back.
 */
public final class Backups {
    /** How many backups are kept; the oldest goes when a new one is taken. */
    public static final int KEEP = 5;
    public static final String DIRECTORY = "backups";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final Pattern NAME = Pattern.compile(Pattern.quote(Database.FILE_NAME)
            + "-(\\d{8}T\\d{6}\\.\\d{3}Z)-([a-z-]+)\\.zip");

    /** One backup file: when it was taken and before what. */
    public record Backup(Path file, Instant takenAt, String reason, long size) {
        public String name() {
            return file.getFileName().toString();
        }

        public String describe() {
            return name() + ", taken " + takenAt + " before " + reason;
        }
    }

    /** What a restore did. */
    public record Restored(Backup backup, int domains, Path replaced) {
    }

    private final Path dataDir;
    private final Path directory;

    public Backups(Path dataDir) {
        this.dataDir = dataDir;
        this.directory = dataDir.resolve(DIRECTORY);
    }

    /** Every backup, the newest first. */
    public List<Backup> list() {
        List<Backup> found = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return found;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.zip")) {
            for (Path f : files) {
                Matcher m = NAME.matcher(f.getFileName().toString());
                if (m.matches()) {
                    try {
                        found.add(new Backup(f, Instant.from(STAMP.parse(m.group(1))), m.group(2), Files.size(f)));
                    } catch (DateTimeParseException | IOException e) {
                        // not one of ours, or gone meanwhile
                    }
                }
            }
        } catch (IOException e) {
            throw new StoreException("cannot list the backups in " + directory + ": " + e.getMessage(), e);
        }
        found.sort(Comparator.comparing(Backup::takenAt).thenComparing(Backup::name).reversed());
        return found;
    }

    /** Takes a backup of the open store now (other sessions keep working), then drops the oldest beyond KEEP. */
    public Backup take(Database db, String reason) {
        try {
            Files.createDirectories(dataDir);
            if (!Files.isDirectory(directory)) {
                Files.createDirectory(directory);
            }
            PrivateDirectory.restrict(directory, PrivateDirectory.DIRECTORY);
        } catch (IOException e) {
            throw new StoreException("cannot create the backup directory " + directory + ": " + e.getMessage(), e);
        }
        Instant now = Instant.now();
        Path file = directory.resolve(Database.FILE_NAME + "-" + STAMP.format(now) + "-" + reason + ".zip");
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("BACKUP TO ?")) {
            ps.setString(1, file.toAbsolutePath().toString());
            ps.execute();
        } catch (SQLException e) {
            throw new StoreException("cannot back up the store to " + file + " (nothing was changed): "
                    + e.getMessage(), e);
        }
        PrivateDirectory.restrictFile(file);
        List<Backup> all = list();
        for (Backup old : all.subList(Math.min(KEEP, all.size()), all.size())) {
            try {
                Files.deleteIfExists(old.file());
            } catch (IOException e) {
                // kept one too many; the next backup tries again
            }
        }
        try {
            return new Backup(file, now, reason, Files.size(file));
        } catch (IOException e) {
            throw new StoreException("the backup " + file + " vanished: " + e.getMessage(), e);
        }
    }

    public Optional<Backup> find(String name) {
        return list().stream().filter(b -> b.name().equals(name) || b.file().toString().equals(name)).findFirst();
    }

    /**
     * Puts {@code backup} in place of the store, all or nothing: the backup is unpacked and opened first, the
     * current store file is moved into the backup directory (kept, not deleted), and no process may have the
     * store open meanwhile.
     */
    public Restored restore(Backup backup) {
        StoreSeal seal = new StoreSeal(dataDir);
        Path store = seal.storeFile();
        Path work = dataDir.resolve("restore.tmp");
        try {
            deleteTree(work);
            Files.createDirectory(work);
            PrivateDirectory.restrict(work, PrivateDirectory.DIRECTORY);
            Path unpacked = work.resolve(Database.FILE_NAME + ".mv.db");
            unpack(backup, unpacked);
            PrivateDirectory.restrictFile(unpacked);
            long[] countAndDomains = inspect(work, backup);
            try (FileChannel current = Files.exists(store)
                    ? FileChannel.open(store, StandardOpenOption.READ, StandardOpenOption.WRITE) : null;
                 FileChannel restored = FileChannel.open(unpacked, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                FileLock held = current == null ? null : tryLock(current);
                if (current != null && held == null) {
                    throw new StoreException("the store in " + dataDir + " is in use by another DomainDesk process;"
                            + " close the window, 'serve' and any running command, then restore again", null);
                }
                // holding the restored file's lock keeps an opening process out until it is sealed
                FileLock restoredLock = restored.lock();
                Path replaced = null;
                if (current != null) {
                    replaced = directory.resolve("replaced-" + STAMP.format(Instant.now()) + ".mv.db");
                    move(store, replaced);
                }
                try {
                    move(unpacked, store);
                } catch (IOException e) {
                    if (replaced != null) {
                        move(replaced, store);
                    }
                    throw e;
                }
                Files.deleteIfExists(dataDir.resolve(Database.FILE_NAME + ".lock.db"));
                seal.sealRestored(countAndDomains[0]);
                restoredLock.release();
                if (held != null) {
                    held.release();
                }
                return new Restored(backup, (int) countAndDomains[1], replaced);
            }
        } catch (IOException e) {
            throw new StoreException("cannot restore " + backup.name() + " (the store was not changed): "
                    + e.getMessage(), e);
        } finally {
            try {
                deleteTree(work);
            } catch (IOException e) {
                // a leftover restore.tmp is removed by the next restore
            }
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static void unpack(Backup backup, Path target) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(backup.file()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals(Database.FILE_NAME + ".mv.db")) {
                    copy(zip, target);
                    return;
                }
            }
        }
        throw new IOException(backup.name() + " holds no " + Database.FILE_NAME + ".mv.db");
    }

    private static void copy(InputStream in, Path target) throws IOException {
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel channel = FileChannel.open(target, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** Opens the unpacked copy read-only: its change count and number of domains, or why it cannot be used. */
    private static long[] inspect(Path work, Backup backup) throws IOException {
        String url = "jdbc:h2:file:" + work.toAbsolutePath().resolve(Database.FILE_NAME)
                + ";ACCESS_MODE_DATA=r;TRACE_LEVEL_FILE=0";
        try (Connection c = DriverManager.getConnection(url, "domaindesk", "");
             PreparedStatement domains = c.prepareStatement("SELECT COUNT(*) FROM domain");
             ResultSet d = domains.executeQuery()) {
            d.next();
            long count = 0;
            try (PreparedStatement counter = c.prepareStatement("SELECT change_count FROM store_change WHERE id = 1");
                 ResultSet rs = counter.executeQuery()) {
                count = rs.next() ? rs.getLong(1) : 0;
            } catch (SQLException e) {
                // a backup from before the counter existed counts from zero
            }
            return new long[] {count, d.getLong(1)};
        } catch (SQLException e) {
            throw new IOException(backup.name() + " cannot be read as a store: " + e.getMessage().lines().findFirst()
                    .orElse(""), e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
