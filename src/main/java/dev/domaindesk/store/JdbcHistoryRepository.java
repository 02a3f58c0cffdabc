package dev.domaindesk.store;

import static dev.domaindesk.store.Jdbc.getInstant;
import static dev.domaindesk.store.Jdbc.inTransaction;

import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.Diagnosis;
import dev.domaindesk.domains.Severity;
import dev.domaindesk.history.HistoryEntry;
import dev.domaindesk.history.HistoryRepository;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The table {@code record_history}: one row per change of a record's check result. */
public final class JdbcHistoryRepository implements HistoryRepository {
    private static final String COLUMNS = "record_id, domain_id, since, check_state, found_values, diagnosis_codes,"
            + " diagnosis_severities, diagnosis_messages, diagnosis_publish";

    private final Database db;

    public JdbcHistoryRepository(Database db) {
        this.db = db;
    }

    /**
     * Appends entries inside the caller's transaction (the one storing the verdicts), only for records that still
     * exist: a record removed while it was checked leaves no history behind.
     */
    static void append(Connection c, Collection<HistoryEntry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO record_history (" + COLUMNS + ")"
                + " SELECT id, domain_id, ?, ?, ?, ?, ?, ?, ? FROM dns_record WHERE id = ?")) {
            for (HistoryEntry e : entries) {
                Jdbc.setInstant(ps, 1, e.since());
                ps.setString(2, e.state().wire());
                ps.setObject(3, e.found().isEmpty() ? null : e.found().toArray(String[]::new));
                ps.setObject(4, e.diagnoses().isEmpty() ? null
                        : e.diagnoses().stream().map(Diagnosis::code).toArray(String[]::new));
                ps.setObject(5, e.diagnoses().isEmpty() ? null
                        : e.diagnoses().stream().map(d -> d.severity().wire()).toArray(String[]::new));
                ps.setObject(6, e.diagnoses().isEmpty() ? null
                        : e.diagnoses().stream().map(Diagnosis::message).toArray(String[]::new));
                ps.setObject(7, e.diagnoses().isEmpty() ? null
                        : e.diagnoses().stream().map(Diagnosis::publish).toArray(String[]::new));
                ps.setString(8, e.recordId());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Override
    public List<HistoryEntry> ofDomain(String domainId) {
        return query("SELECT " + COLUMNS + " FROM record_history WHERE domain_id = ? ORDER BY record_id, since, id",
                domainId, Integer.MAX_VALUE);
    }

    @Override
    public List<HistoryEntry> recentOfDomain(String domainId, int limit) {
        return query("SELECT " + COLUMNS + " FROM record_history WHERE domain_id = ? ORDER BY since DESC, id DESC"
                + " LIMIT ?", domainId, limit);
    }

    @Override
    public int pruneBefore(Instant cutoff) {
        return inTransaction(db, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM record_history h WHERE h.since < ?"
                    + " AND EXISTS (SELECT 1 FROM record_history n WHERE n.record_id = h.record_id"
                    + " AND n.domain_id = h.domain_id AND (n.since > h.since OR n.since = h.since AND n.id > h.id))")) {
                Jdbc.setInstant(ps, 1, cutoff);
                return ps.executeUpdate();
            }
        });
    }

    private List<HistoryEntry> query(String sql, String domainId, int limit) {
        return inTransaction(db, c -> {
            List<HistoryEntry> entries = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, domainId);
                if (limit != Integer.MAX_VALUE) {
                    ps.setInt(2, limit);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        entries.add(read(rs));
                    }
                }
            }
            return entries;
        });
    }

    private static HistoryEntry read(ResultSet rs) throws SQLException {
        List<String> codes = strings(rs.getArray(6));
        List<String> severities = strings(rs.getArray(7));
        List<String> messages = strings(rs.getArray(8));
        List<String> publish = strings(rs.getArray(9));
        List<Diagnosis> diagnoses = new ArrayList<>(codes.size());
        for (int i = 0; i < codes.size(); i++) {
            diagnoses.add(new Diagnosis(codes.get(i), Severity.parse(severities.get(i)), messages.get(i),
                    i < publish.size() ? publish.get(i) : null));
        }
        return new HistoryEntry(rs.getString(1), rs.getString(2), getInstant(rs, 3), CheckState.parse(rs.getString(4)),
                strings(rs.getArray(5)), diagnoses);
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        List<String> result = new ArrayList<>();
        for (Object v : (Object[]) array.getArray()) {
            result.add((String) v);
        }
        return result;
    }
}
