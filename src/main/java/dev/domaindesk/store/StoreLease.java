package dev.domaindesk.store;

import static dev.domaindesk.store.Jdbc.inTransaction;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Work one process does for all that share the store (background re-checks), claimed by a row in
 * {@code store_lease}: held until it expires unless renewed, so a process that died gives it up by itself.
 */
public final class StoreLease {
    public static final String RECHECKS = "rechecks";

    private final Database db;
    private final String name;
    private final String holder;
    private final Clock clock;

    public StoreLease(Database db, String name, Clock clock) {
        this.db = db;
        this.name = name;
        this.clock = clock;
        this.holder = ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Takes the lease, or renews it, for {@code ttl} from now; false while another process holds it. Not counted
     * as a change of the store: other windows have nothing to reload for it.
     */
    public boolean hold(Duration ttl) {
        Instant now = clock.instant();
        return inTransaction(db, false, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE store_lease SET holder = ?, expires_at = ?"
                    + " WHERE name = ? AND (holder = ? OR expires_at <= ?)")) {
                ps.setString(1, holder);
                Jdbc.setInstant(ps, 2, now.plus(ttl));
                ps.setString(3, name);
                ps.setString(4, holder);
                Jdbc.setInstant(ps, 5, now);
                if (ps.executeUpdate() == 1) {
                    return true;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM store_lease WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return false;
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO store_lease (name, holder, expires_at) VALUES (?, ?, ?)")) {
                ps.setString(1, name);
                ps.setString(2, holder);
                Jdbc.setInstant(ps, 3, now.plus(ttl));
                ps.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (Dialect.duplicateKey(e)) {
                    return false; // another process took it just now
                }
                throw e;
            }
        });
    }

    /** Gives the lease up if this process holds it, so another can take it at once. */
    public void release() {
        inTransaction(db, false, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM store_lease WHERE name = ? AND holder = ?")) {
                ps.setString(1, name);
                ps.setString(2, holder);
                return ps.executeUpdate();
            }
        });
    }

    /** Who holds the lease now, if anyone does. */
    public java.util.Optional<String> holder() {
        Instant now = clock.instant();
        return inTransaction(db, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT holder FROM store_lease WHERE name = ? AND expires_at > ?")) {
                ps.setString(1, name);
                Jdbc.setInstant(ps, 2, now);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? java.util.Optional.of(rs.getString(1)) : java.util.Optional.empty();
                }
            }
        });
    }

    public String self() {
        return holder;
    }
}
