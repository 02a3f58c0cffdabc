package dev.domaindesk.store;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.zip.CRC32C;

/**
 * What the store file looked like when DomainDesk last let go of it, kept beside it in {@code domaindesk.seal}:
 * its length and checksum after a clean close, and the store's change counter. H2 opens a file whose tail is gone
 * at an older state, and a file of 0 bytes as a new empty store, both without a word; comparing with the seal
 * before H2 touches the file tells that apart from a store that is simply as it was left.
 *
 * <p>While a process owns the store the seal says {@code open}: the file changes under it, so only the counter
 * can be checked after a crash (it must not have gone back). The checks run only while no process owns the
 * store: H2's lock file is absent and this process holds the operating system's lock on the store file, so no
 * process can become the owner while the file is read.
 *
 * <p>Several processes share the store (decision 0011). Each one that opens it writes {@code open} with the
 * counter it read (a committed count, so never ahead of the file); only the last to let go, finding no owner,
 * seals the length and checksum. A process that lets go while others still use the store leaves the seal
 * {@code open}, and a process that takes the file over from a dead owner inherits the {@code open} seal, so a
 * sealed length and checksum always describe a file no process was writing.
 */
final class StoreSeal {
    static final String FILE_NAME = Database.FILE_NAME + ".seal";
    /** Per process: several processes sharing the store may each write the seal at the same moment. */
    private static final String TEMP_NAME = FILE_NAME + "." + ProcessHandle.current().pid() + ".tmp";

    /** What the seal said. {@code open}: a process had the store when it was written and may not have closed it. */
    record State(boolean open, long counter, long length, long checksum, Instant at) {
    }

    private final Path dir;
    private final Path store;
    private final Path lockFile;
    private final Path seal;

    StoreSeal(Path dir) {
        this.dir = dir;
        this.store = dir.resolve(Database.FILE_NAME + ".mv.db");
        this.lockFile = dir.resolve(Database.FILE_NAME + ".lock.db");
        this.seal = dir.resolve(FILE_NAME);
    }

    Path storeFile() {
        return store;
    }

    Optional<State> read() {
        try {
            Properties p = new Properties();
            p.load(new StringReader(Files.readString(seal, StandardCharsets.ISO_8859_1)));
            return Optional.of(new State("open".equals(p.getProperty("state")), Long.parseLong(p.getProperty("counter")),
                    Long.parseLong(p.getProperty("length")), Long.parseUnsignedLong(p.getProperty("crc32c"), 16),
                    Instant.parse(p.getProperty("at"))));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            // a torn or edited seal proves nothing about the store; the next close writes a good one
            return Optional.empty();
        }
    }

    /**
     * Before H2 opens the store: throws {@link StoreDamagedException} when the file is not as the last clean close
     * left it. Returns the seal when the last owner did not close it (the counter is checked once open).
     */
    Optional<State> verifyBeforeOpen() {
        Optional<State> state = read();
        if (state.isEmpty() || Files.exists(lockFile)) {
            return state.filter(State::open);
        }
        State last = state.get();
        if (!Files.exists(store)) {
            throw new StoreDamagedException("the store file " + store + " is missing, but DomainDesk closed it on "
                    + last.at() + " at " + last.length() + " bytes", null);
        }
        Optional<Boolean> same = whileNoOwner(() -> {
            long length = Files.size(store);
            if (length == 0 && last.length() > 0) {
                throw new StoreDamagedException("the store file " + store + " is empty (0 bytes); DomainDesk closed"
                        + " it on " + last.at() + " at " + last.length() + " bytes", null);
            }
            if (!last.open() && length != last.length()) {
                throw new StoreDamagedException("the store file " + store + " is " + length + " bytes, but DomainDesk"
                        + " closed it on " + last.at() + " at " + last.length() + " bytes"
                        + (length < last.length() ? " (its end is cut off, as when a power cut loses unsynced"
                        + " writes)" : ""), null);
            }
            if (!last.open() && checksum(store) != last.checksum()) {
                throw new StoreDamagedException("the store file " + store + " has changed since DomainDesk closed"
                        + " it on " + last.at() + " (same length, different content: damaged on disk)", null);
            }
            return true;
        });
        return same.isPresent() ? state.filter(State::open) : Optional.empty();
    }

    /** Once open: the store's change counter must not be behind the seal's (it went back: its end was lost). */
    void verifyCounter(State last, long counter) {
        if (counter < last.counter()) {
            throw new StoreDamagedException("the store file " + store + " is older than it was: it holds change "
                    + counter + ", but change " + last.counter() + " had been written (its end was lost)", null);
        }
    }

    /** The owner marks the store open (the file will change under the seal). */
    void markOpen(long counter) {
        Optional<State> last = read();
        write(true, counter, last.map(State::length).orElse(0L), last.map(State::checksum).orElse(0L));
    }

    /**
     * After this process let go of the store: if no process owns it now, seals its length and checksum. When
     * another process still has it open, that process seals it when it lets go.
     */
    void sealIfUnowned(long counter) {
        if (Files.exists(lockFile) || !Files.exists(store)) {
            return;
        }
        try {
            whileNoOwner(() -> {
                write(false, counter, Files.size(store), checksum(store));
                return true;
            });
        } catch (StoreException e) {
            // the store itself is closed and complete; without a fresh seal the next open checks less
        }
    }

    /** Seals a store file that was just put in place while no process could own it (restore). */
    void sealRestored(long counter) throws IOException {
        write(false, counter, Files.size(store), checksum(store));
    }

    interface Check<T> {
        T run() throws IOException;
    }

    /** Runs {@code check} holding the store file's lock; empty when a process owns the store. */
    private <T> Optional<T> whileNoOwner(Check<T> check) {
        try (FileChannel channel = FileChannel.open(store, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                return Optional.empty();
            }
            if (lock == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(check.run());
            } finally {
                lock.release();
            }
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StoreException("cannot read the store file " + store + ": " + e.getMessage(), e);
        }
    }

    static long checksum(Path file) throws IOException {
        CRC32C crc = new CRC32C();
        ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (channel.read(buffer) >= 0) {
                buffer.flip();
                crc.update(buffer);
                buffer.clear();
            }
        }
        return crc.getValue();
    }

    private void write(boolean open, long counter, long length, long checksum) {
        String text = "# DomainDesk's record of its store file, checked before the store is opened\n"
                + "state=" + (open ? "open" : "closed") + "\ncounter=" + counter + "\nlength=" + length
                + "\ncrc32c=" + Long.toHexString(checksum) + "\nat=" + Instant.now() + "\n";
        Path temp = dir.resolve(TEMP_NAME);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1)));
                channel.force(true);
            }
            PrivateDirectory.restrictFile(temp);
            try {
                Files.move(temp, seal, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, seal, StandardCopyOption.REPLACE_EXISTING);
            }
            syncDirectory();
        } catch (IOException e) {
            throw new StoreException("cannot write " + seal + ": " + e.getMessage(), e);
        }
    }

    private void syncDirectory() {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // not every platform can sync a directory; the rename is still atomic
        }
    }
}
