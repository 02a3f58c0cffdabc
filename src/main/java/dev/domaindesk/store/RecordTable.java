package dev.domaindesk.store;

import static dev.domaindesk.store.Jdbc.getBoolean;
import static dev.domaindesk.store.Jdbc.getInstant;
import static dev.domaindesk.store.Jdbc.getInteger;

import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.Diagnosis;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.RecordType;
import dev.domaindesk.domains.Severity;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** SQL for {@code dns_record} and its child tables of found values and diagnoses. */
final class RecordTable {
    private static final String COLUMNS = "id, domain_id, position, record_type, name, record_value, priority,"
            + " is_required, is_verified, last_checked, created_at, updated_at, check_state, regressed,"
            + " next_check_at, service_verified";

    void insert(Connection c, List<DnsRecord> records) throws SQLException {
        Map<String, Integer> counters = new HashMap<>();
        int[] positions = new int[records.size()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = counters.merge(records.get(i).domainId(), 1, Integer::sum);
        }
        MultiRowInsert.run(c, "dns_record", COLUMNS, 16, records, (ps, first, r, index) -> {
            int i = first;
            ps.setString(i++, r.id());
            ps.setString(i++, r.domainId());
            ps.setInt(i++, positions[index]);
            ps.setString(i++, r.recordType().name());
            ps.setString(i++, r.name());
            ps.setString(i++, r.value());
            Jdbc.setInteger(ps, i++, r.priority());
            ps.setBoolean(i++, r.isRequired());
            ps.setBoolean(i++, r.isVerified());
            Jdbc.setInstant(ps, i++, r.lastChecked());
            Jdbc.setInstant(ps, i++, r.createdAt());
            Jdbc.setInstant(ps, i++, r.updatedAt());
            ps.setString(i++, r.checkState().wire());
            ps.setBoolean(i++, r.regressed());
            Jdbc.setInstant(ps, i++, r.nextCheckAt());
            Jdbc.setBoolean(ps, i, r.serviceVerified());
        });
        insertChildren(c, records);
    }

    /** Writes a check's results; returns how many records still existed and were updated. */
    int updateChecks(Connection c, List<DnsRecord> records) throws SQLException {
        List<DnsRecord> updated = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("UPDATE dns_record SET is_verified = ?, last_checked = ?,"
                + " updated_at = ?, check_state = ?, regressed = ?, next_check_at = ? WHERE id = ?")) {
            for (DnsRecord r : records) {
                ps.setBoolean(1, r.isVerified());
                Jdbc.setInstant(ps, 2, r.lastChecked());
                Jdbc.setInstant(ps, 3, r.updatedAt());
                ps.setString(4, r.checkState().wire());
                ps.setBoolean(5, r.regressed());
                Jdbc.setInstant(ps, 6, r.nextCheckAt());
                ps.setString(7, r.id());
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] != 0) {
                    updated.add(records.get(i));
                }
            }
        }
        List<String> ids = updated.stream().map(DnsRecord::id).toList();
        deleteChildren(c, "record_found", ids);
        deleteChildren(c, "record_diagnosis", ids);
        insertChildren(c, updated);
        return updated.size();
    }

    void deleteOfDomains(Connection c, Collection<String> domainIds) throws SQLException {
        if (domainIds.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM dns_record WHERE domain_id = ANY(?)")) {
            ps.setArray(1, array(c, domainIds));
            ps.executeUpdate();
        }
    }

    /** Above this many domains a load scans whole tables and filters in memory (H2 checks ANY(?) linearly). */
    private static final int SCAN_THRESHOLD = 500;

    Map<String, List<DnsRecord>> load(Connection c, Collection<String> domainIds) throws SQLException {
        Map<String, List<DnsRecord>> byDomain = new LinkedHashMap<>();
        if (domainIds.isEmpty()) {
            return byDomain;
        }
        boolean scan = domainIds.size() > SCAN_THRESHOLD;
        Set<String> wanted = new HashSet<>(domainIds);
        String where = scan ? "" : " WHERE r.domain_id = ANY(?)";
        Map<String, List<String>> found = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT f.record_id, f.found_value, r.domain_id FROM record_found f"
                + " JOIN dns_record r ON r.id = f.record_id" + where + " ORDER BY f.record_id, f.position")) {
            bindIds(c, ps, scan, domainIds);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (wanted.contains(rs.getString(3))) {
                        found.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                    }
                }
            }
        }
        Map<String, List<Diagnosis>> diagnoses = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT d.record_id, d.code, d.severity, d.message, r.domain_id"
                + " FROM record_diagnosis d JOIN dns_record r ON r.id = d.record_id" + where
                + " ORDER BY d.record_id, d.position")) {
            bindIds(c, ps, scan, domainIds);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (wanted.contains(rs.getString(5))) {
                        diagnoses.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(
                                new Diagnosis(rs.getString(2), Severity.parse(rs.getString(3)), rs.getString(4)));
                    }
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM dns_record r" + where
                + " ORDER BY domain_id, position")) {
            bindIds(c, ps, scan, domainIds);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (wanted.contains(rs.getString("domain_id"))) {
                        DnsRecord r = read(rs, found, diagnoses);
                        byDomain.computeIfAbsent(r.domainId(), k -> new ArrayList<>()).add(r);
                    }
                }
            }
        }
        return byDomain;
    }

    private static void bindIds(Connection c, PreparedStatement ps, boolean scan, Collection<String> ids)
            throws SQLException {
        if (!scan) {
            ps.setArray(1, array(c, ids));
        }
    }

    private static DnsRecord read(ResultSet rs, Map<String, List<String>> found, Map<String, List<Diagnosis>> diagnoses)
            throws SQLException {
        String id = rs.getString("id");
        return new DnsRecord(id, rs.getString("domain_id"),
                RecordType.parse(rs.getString("record_type")), rs.getString("name"),
                rs.getString("record_value"), getInteger(rs, "priority"), rs.getBoolean("is_required"),
                rs.getBoolean("is_verified"), getInstant(rs, "last_checked"), getInstant(rs, "created_at"),
                getInstant(rs, "updated_at"), CheckState.parse(rs.getString("check_state")),
                found.get(id), diagnoses.get(id), rs.getBoolean("regressed"),
                getInstant(rs, "next_check_at"), getBoolean(rs, "service_verified"));
    }

    /** The imported record, carrying over DomainDesk's own check results when the record itself is unchanged. */
    static DnsRecord keepCheckState(DnsRecord imported, DnsRecord previous) {
        if (previous == null || previous.recordType() != imported.recordType()
                || !previous.name().equals(imported.name()) || !previous.value().equals(imported.value())
                || !Objects.equals(previous.priority(), imported.priority())) {
            return imported;
        }
        return new DnsRecord(imported.id(), imported.domainId(), imported.recordType(), imported.name(),
                imported.value(), imported.priority(), imported.isRequired(), imported.isVerified(),
                imported.lastChecked(), imported.createdAt(), imported.updatedAt(), previous.checkState(),
                previous.found(), previous.diagnoses(), previous.regressed(), previous.nextCheckAt(),
                imported.serviceVerified() != null ? imported.serviceVerified() : previous.serviceVerified());
    }

    private record Child<T>(String recordId, int position, T value) {
    }

    private static void insertChildren(Connection c, List<DnsRecord> records) throws SQLException {
        List<Child<String>> found = new ArrayList<>();
        List<Child<Diagnosis>> diagnoses = new ArrayList<>();
        for (DnsRecord r : records) {
            for (int i = 0; i < r.found().size(); i++) {
                found.add(new Child<>(r.id(), i, r.found().get(i)));
            }
            for (int i = 0; i < r.diagnoses().size(); i++) {
                diagnoses.add(new Child<>(r.id(), i, r.diagnoses().get(i)));
            }
        }
        MultiRowInsert.run(c, "record_found", "record_id, position, found_value", 3, found, (ps, first, f, index) -> {
            ps.setString(first, f.recordId());
            ps.setInt(first + 1, f.position());
            ps.setString(first + 2, f.value());
        });
        MultiRowInsert.run(c, "record_diagnosis", "record_id, position, code, severity, message", 5, diagnoses,
                (ps, first, d, index) -> {
                    ps.setString(first, d.recordId());
                    ps.setInt(first + 1, d.position());
                    ps.setString(first + 2, d.value().code());
                    ps.setString(first + 3, d.value().severity().wire());
                    ps.setString(first + 4, d.value().message());
                });
    }

    private static void deleteChildren(Connection c, String table, List<String> recordIds) throws SQLException {
        if (recordIds.isEmpty()) {
            return;
        }
        String sql = switch (table) {
            case "record_found" -> "DELETE FROM record_found WHERE record_id = ANY(?)";
            case "record_diagnosis" -> "DELETE FROM record_diagnosis WHERE record_id = ANY(?)";
            default -> throw new IllegalArgumentException(table);
        };
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, array(c, recordIds));
            ps.executeUpdate();
        }
    }

    private static Array array(Connection c, Collection<String> values) throws SQLException {
        return c.createArrayOf("VARCHAR", values.toArray());
    }
}
