package dev.domaindesk.store;

import static dev.domaindesk.store.Jdbc.getInstant;
import static dev.domaindesk.store.Jdbc.inTransaction;

import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.Diagnosis;
import dev.domaindesk.domains.DnsRecord;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Record history: the current result of each record is its check row ({@code record_check}, since {@code state_since});
 * earlier results are closed spans in {@code record_history}.
 */
public final class JdbcHistoryRepository implements HistoryRepository {
    private static final String RESULT = "check_state, found_values, diagnosis_codes, diagnosis_severities,"
            + " diagnosis_messages, diagnosis_publish";
    private static final String CHECK_RESULT = "c.check_state, c.found_values, c.diagnosis_codes,"
            + " c.diagnosis_severities, c.diagnosis_messages, c.diagnosis_publish";
    private static final String CHECKED = " FROM dns_record r JOIN record_check c ON c.record_key = r.record_key";
    /** A check row ({@code c}) that holds a result: its record has been checked. */
    static final String HOLDS_RESULT = "c.last_checked IS NOT NULL AND c.check_state <> 'unchecked'";

    private final Database db;

    public JdbcHistoryRepository(Database db) {
        this.db = db;
    }

    /**
     * Closes the current span of each of these records (checked again with another result) whose row holds a result,
     * copying it into the history as lasting until the new check; inside the caller's transaction, before the row is
     * updated. {@code keys}: the records' store keys (a record without one was removed meanwhile and adds nothing).
     */
    static void closeSpans(Connection c, List<DnsRecord> checked, Map<String, Long> keys) throws SQLException {
        if (checked.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO record_history (domain_id, record_id, since, until, "
                + RESULT + ") SELECT r.domain_id, r.id, COALESCE(c.state_since, c.last_checked), ?, " + CHECK_RESULT
                + CHECKED + " WHERE c.record_key = ? AND " + HOLDS_RESULT)) {
            int batched = 0;
            for (DnsRecord r : checked) {
                Long key = keys.get(r.id());
                if (key != null) {
                    Jdbc.setInstant(ps, 1, r.lastChecked());
                    ps.setLong(2, key);
                    ps.addBatch();
                    batched++;
                }
            }
            if (batched > 0) {
                ps.executeBatch();
            }
        }
    }

    /** Since when each record of these domains has had its current result (to carry over an import's rewrite). */
    static Map<String, Instant> statesSince(Connection c, Collection<String> domainIds) throws SQLException {
        Map<String, Instant> since = new HashMap<>();
        if (domainIds.isEmpty()) {
            return since;
        }
        Set<String> wanted = Set.copyOf(domainIds);
        // one pass over three columns: H2 compares "domain_id = ANY(?)" row by row against the whole array
        try (PreparedStatement ps = c.prepareStatement("SELECT r.id, r.domain_id, c.state_since" + CHECKED
                + " WHERE c.state_since IS NOT NULL");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (wanted.contains(rs.getString(2))) {
                    since.put(rs.getString(1), getInstant(rs, 3));
                }
            }
        }
        return since;
    }

    @Override
    public List<HistoryEntry> ofDomain(String domainId) {
        return inTransaction(db, c -> {
            List<HistoryEntry> entries = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT record_id, domain_id, since, " + RESULT
                    + " FROM record_history WHERE domain_id = ?"
                    + " UNION ALL SELECT r.id, r.domain_id, COALESCE(c.state_since, c.last_checked), " + CHECK_RESULT
                    + CHECKED + " WHERE r.domain_id = ? AND " + HOLDS_RESULT
                    + " ORDER BY 1, 3")) {
                ps.setString(1, domainId);
                ps.setString(2, domainId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        entries.add(read(rs));
                    }
                }
            }
            return entries;
        });
    }

    @Override
    public int pruneBefore(Instant cutoff) {
        return inTransaction(db, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM record_history WHERE until < ?")) {
                Jdbc.setInstant(ps, 1, cutoff);
                return ps.executeUpdate();
            }
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
