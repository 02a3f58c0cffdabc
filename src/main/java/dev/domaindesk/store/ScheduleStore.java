package dev.domaindesk.store;

import static dev.domaindesk.store.Jdbc.getInstant;
import static dev.domaindesk.store.Jdbc.inTransaction;

import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.DomainStatus;
import dev.domaindesk.verification.ScheduleRepository;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The scheduler's queries on {@code record_check.next_check_at}: what is due, and moving due times. */
public final class ScheduleStore implements ScheduleRepository {
    private final Database db;

    public ScheduleStore(Database db) {
        this.db = db;
    }

    /**
     * Up to {@code limit} domains with a record due at {@code now} (never scheduled counts as due), the longest
     * overdue first.
     */
    @Override
    public List<String> dueDomains(Instant now, int limit) {
        return inTransaction(db, c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT r.domain_id, MIN(COALESCE(c.next_check_at,"
                    + " TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00Z')) AS due" + RecordTable.JOINED
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
            try (PreparedStatement ps = c.prepareStatement("SELECT MIN(COALESCE(c.next_check_at,"
                    + " TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00Z')) AS due" + RecordTable.JOINED);
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
