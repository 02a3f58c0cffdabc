package dev.domaindesk.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.Set;

/**
 * The data directory as one user's private place: created 0700, its store files 0600, and another user's
 * directory refused in one sentence. It holds every domain, the API key file and the lock file's secret, so
 * nothing in it is for other local users; and a process of another user (root with a borrowed HOME) would leave
 * files there that their owner can no longer open.
 */
public final class PrivateDirectory {
    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateDirectory() {
    }

    /** Creates {@code dir} (0700) if missing; refuses one that belongs to another user or cannot be used. */
    public static void prepare(Path dir) {
        try {
            if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(dir)) {
                create(dir);
            }
            if (!Files.isDirectory(dir)) {
                throw new StoreException("the data directory " + dir + " is not a directory; choose another with"
                        + " --data-dir DIR", null);
            }
            requireOwnedByMe(dir);
            if (!Files.isWritable(dir) || !Files.isReadable(dir) || !Files.isExecutable(dir)) {
                throw new StoreException("the data directory " + dir + " cannot be read and written by you ("
                        + me() + "); fix its permissions or choose another with --data-dir DIR", null);
            }
            Path store = dir.resolve(Database.FILE_NAME + ".mv.db");
            if (Files.exists(store)) {
                requireOwnedByMe(store);
                // a store made before the directory was private: close it to other users now
                restrict(dir, DIRECTORY);
            }
        } catch (AccessDeniedException e) {
            throw new StoreException("the data directory " + dir + " cannot be used by you (" + me() + "): "
                    + "permission denied on " + e.getFile() + whose(dir) + "; run DomainDesk as its owner or choose"
                    + " your own with --data-dir DIR", e);
        } catch (IOException e) {
            throw new StoreException("cannot use the data directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Makes {@code file} readable and writable by its owner only (no-op where files have no POSIX modes). */
    public static void restrictFile(Path file) {
        try {
            if (Files.exists(file)) {
                restrict(file, FILE);
            }
        } catch (IOException e) {
            throw new StoreException("cannot make " + file + " private to you: " + e.getMessage(), e);
        }
    }

    private static void create(Path dir) throws IOException {
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            if (posix(parent)) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
                // the umask may have taken bits away, never added: set exactly
                restrict(dir, DIRECTORY);
            } else {
                Files.createDirectory(dir);
            }
        } catch (FileAlreadyExistsException e) {
            // made by another process meanwhile: checked like any existing directory
        }
    }

    private static void requireOwnedByMe(Path path) throws IOException {
        UserPrincipal owner = Files.getOwner(path);
        if (!owner.getName().equals(me()) && !sameUid(path)) {
            throw new StoreException((Files.isDirectory(path) ? "the data directory " : "the store ") + path
                    + " belongs to user '" + owner.getName() + "', not to you (" + me() + "); run DomainDesk as "
                    + owner.getName() + ", or use your own data directory with --data-dir DIR", null);
        }
    }

    /** A user without a name in the password database shows as a number: compare numbers where Linux gives ours. */
    private static boolean sameUid(Path path) {
        Path self = Path.of("/proc/self");
        try {
            return Files.exists(self) && Files.getAttribute(self, "unix:uid").equals(Files.getAttribute(path, "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    private static String whose(Path dir) {
        for (Path p = dir; p != null; p = p.getParent()) {
            try {
                if (Files.exists(p)) {
                    return " (" + p + " belongs to user '" + Files.getOwner(p).getName() + "')";
                }
            } catch (IOException | SecurityException e) {
                // try the parent
            }
        }
        return "";
    }

    static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (view != null && !view.readAttributes().permissions().equals(permissions)) {
            view.setPermissions(EnumSet.copyOf(permissions));
        }
    }

    private static boolean posix(Path dir) {
        return dir != null && Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null;
    }

    private static String me() {
        return System.getProperty("user.name");
    }
}
