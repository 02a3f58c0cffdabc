package dev.domaindesk.store;

import static dev.domaindesk.store.Jdbc.getInstant;
import static dev.domaindesk.store.Jdbc.inTransaction;

import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.DomainStatus;
import dev.domaindesk.verification.ScheduleRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The scheduler's queries on {@code record_check.next_check_at}: what is due, and moving due times. */
public final class ScheduleStore implements ScheduleRepository {
    /** How long a claimed domain is this process's to check; a process that died gives its claims up after it. */
    static final Duration CLAIM = Duration.ofMinutes(10);
    /**
     * At most this many domains a claim on PostgreSQL (the scheduler's chunk is 1,000): processes sharing the store
     * take turns in slices of this size, so a second one has work within seconds rather than after the first's
     * whole chunk.
     */
    static final int CLAIM_SLICE = 200;
    private static final String EPOCH = "TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00Z'";

    private final Database db;
    private final Clock clock;
    private final String holder = ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);

    public ScheduleStore(Database db) {
        this(db, Clock.systemUTC());
    }

    public ScheduleStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * On the embedded store one process at a time re-checks (the lease, decision 0011), so what is due is all its
     * own. On PostgreSQL every process re-checks (decision 0015): the due domains are picked with {@code FOR UPDATE
     * SKIP LOCKED} on their {@code domain} rows, so two processes asking at once are given different ones without
     * waiting for each other, and each is claimed in {@code check_claim} until it is checked (or the claim
     * expires). The claim's {@code ON CONFLICT ... WHERE} takes a domain only when nobody else holds it: it is the
     * claim, not the row lock, that decides, since a row lock ends with the claiming transaction.
     */
    @Override
    public List<String> claimDue(Instant now, int wanted) {
        if (db.isEmbedded()) {
            return dueDomains(now, wanted);
        }
        Instant wall = clock.instant();
        int limit = Math.min(wanted, CLAIM_SLICE);
        return inTransaction(db, false, c -> {
            Set<String> claimed = new LinkedHashSet<>();
            // a candidate read before another process's claim committed is lost to it: the next statement sees
            // that claim (read committed) and picks others, so a process never comes back empty-handed for that
            for (int attempt = 0; attempt < 3 && claimed.size() < limit; attempt++) {
                if (claim(c, candidates(c, now, wall, limit), wall, claimed)) {
                    break;
                }
            }
            return new ArrayList<>(claimed).subList(0, Math.min(limit, claimed.size()));
        });
    }

    private List<String> candidates(Connection c, Instant now, Instant wall, int limit) throws SQLException {
        List<String> candidates = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT d.id FROM domain d JOIN (SELECT r.domain_id,"
                + " MIN(COALESCE(c.next_check_at, " + EPOCH + ")) AS due" + RecordTable.JOINED
                + " WHERE c.next_check_at IS NULL OR c.next_check_at <= ? GROUP BY r.domain_id) due_r"
                + " ON due_r.domain_id = d.id"
                + " WHERE NOT EXISTS (SELECT 1 FROM check_claim k WHERE k.domain_id = d.id AND k.expires_at > ?"
                + " AND k.holder <> ?) ORDER BY due_r.due, d.id LIMIT ? FOR UPDATE OF d SKIP LOCKED")) {
            Jdbc.setInstant(ps, 1, now);
            Jdbc.setInstant(ps, 2, wall);
            ps.setString(3, holder);
            ps.setInt(4, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    candidates.add(rs.getString(1));
                }
            }
        }
        return candidates;
    }

    /** Claims what nobody else holds; adds the won ones to {@code claimed}; true when none was lost. */
    private boolean claim(Connection c, List<String> candidates, Instant wall, Set<String> claimed)
            throws SQLException {
        if (candidates.isEmpty()) {
            return true;
        }
        boolean lostNone = true;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO check_claim (domain_id, holder, expires_at)"
                + " VALUES (?, ?, ?) ON CONFLICT (domain_id) DO UPDATE SET holder = EXCLUDED.holder,"
                + " expires_at = EXCLUDED.expires_at"
                + " WHERE check_claim.expires_at <= ? OR check_claim.holder = EXCLUDED.holder")) {
            for (String id : candidates) {
                ps.setString(1, id);
                ps.setString(2, holder);
                Jdbc.setInstant(ps, 3, wall.plus(CLAIM));
                Jdbc.setInstant(ps, 4, wall);
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] != 0) {
                    claimed.add(candidates.get(i));
                } else {
                    lostNone = false;
                }
            }
        }
        return lostNone;
    }

    @Override
    public void releaseClaims() {
        if (db.isEmbedded()) {
            return;
        }
        inTransaction(db, false, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM check_claim WHERE holder = ?")) {
                ps.setString(1, holder);
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Up to {@code limit} domains with a record due at {@code now} (never scheduled counts as due), the longest
     * overdue first.
     */
    @Override
    public List<String> dueDomains(Instant now, int limit) {
        return inTransaction(db, c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT r.domain_id, MIN(COALESCE(c.next_check_at, " + EPOCH
                    + ")) AS due" + RecordTable.JOINED
                    + " WHERE c.next_check_at IS NULL OR c.next_check_at <= ? GROUP BY r.domain_id"
                    + " ORDER BY due, r.domain_id LIMIT ?")) {
                Jdbc.setInstant(ps, 1, now);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            return ids;
        });
    }

    /** Every domain's id, for "check all". */
    @Override
    public List<String> allDomainIds() {
        return inTransaction(db, c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM domain ORDER BY name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        });
    }

    /** How many domains have a record due at {@code now}. */
    @Override
    public int countDue(Instant now) {
        return inTransaction(db, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(DISTINCT r.domain_id)" + RecordTable.JOINED
                    + " WHERE c.next_check_at IS NULL OR c.next_check_at <= ?")) {
                Jdbc.setInstant(ps, 1, now);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /** The earliest due time of any record; {@link Instant#EPOCH} when one was never scheduled; empty when none. */
    @Override
    public Optional<Instant> earliestDue() {
        return inTransaction(db, c -> {
            // one scan: never scheduled (NULL) counts as the epoch, so it wins the MIN
            try (PreparedStatement ps = c.prepareStatement("SELECT MIN(COALESCE(c.next_check_at, " + EPOCH
                    + ")) AS due" + RecordTable.JOINED);
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Optional.ofNullable(getInstant(rs, "due"));
            }
        });
    }

    /** Above this many domains {@link #rows} reads the whole table once instead of asking per domain. */
    private static final int PER_DOMAIN_LIMIT = 500;

    /**
     * The schedule facts of every record of the given domains (missing domains are simply absent). H2 checks
     * {@code domain_id = ANY(?)} against every row, each against the whole array, so a large chunk costs rows times
     * chunk size comparisons; a few domains are asked one by one through the
     * domain index instead, many by one scan filtered here.
     */
    @Override
    public List<ScheduleRow> rows(Collection<String> domainIds) {
        if (domainIds.isEmpty()) {
            return List.of();
        }
        String select = "SELECT r.id, r.domain_id, c.check_state, r.created_at, c.next_check_at, d.status,"
                + " d.pending_since" + RecordTable.JOINED + " JOIN domain d ON d.id = r.domain_id";
        return inTransaction(db, c -> {
            List<ScheduleRow> rows = new ArrayList<>();
            if (domainIds.size() <= PER_DOMAIN_LIMIT) {
                try (PreparedStatement ps = c.prepareStatement(select + " WHERE r.domain_id = ?")) {
                    for (String id : new LinkedHashSet<>(domainIds)) {
                        ps.setString(1, id);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                rows.add(scheduleRow(rs));
                            }
                        }
                    }
                }
                return rows;
            }
            Set<String> wanted = new HashSet<>(domainIds);
            try (PreparedStatement ps = c.prepareStatement(select);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (wanted.contains(rs.getString(2))) {
                        rows.add(scheduleRow(rs));
                    }
                }
            }
            return rows;
        });
    }

    private static ScheduleRow scheduleRow(ResultSet rs) throws SQLException {
        String state = rs.getString(3);
        return new ScheduleRow(rs.getString(1), rs.getString(2),
                state == null ? CheckState.UNCHECKED : CheckState.parse(state),
                getInstant(rs, "created_at"), getInstant(rs, "next_check_at"),
                DomainStatus.parse(rs.getString(6)), getInstant(rs, "pending_since"));
    }

    /** Sets the next due time of each record, in one transaction; records removed meanwhile are skipped. */
    @Override
    public int reschedule(Map<String, Instant> nextByRecordId) {
        if (nextByRecordId.isEmpty()) {
            return 0;
        }
        return inTransaction(db, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE record_check SET next_check_at = ?"
                    + " WHERE record_key = " + RecordTable.KEY_OF_ID)) {
                for (Map.Entry<String, Instant> e : nextByRecordId.entrySet()) {
                    Jdbc.setInstant(ps, 1, e.getValue());
                    ps.setString(2, e.getKey());
                    ps.addBatch();
                }
                int updated = 0;
                for (int n : ps.executeBatch()) {
                    updated += Math.max(n, 0);
                }
                return updated;
            }
        });
    }
}
