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
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * SQL for {@code dns_record} (the service's record, keyed inside the store by the integer {@code record_key}) and
 * {@code record_check} (its check result, one narrow row per record: a check writes only there, decision 0014).
 */
final class RecordTable {
    private static final String RECORD_COLUMNS = "record_key, id, domain_id, position, record_type, name, record_value,"
            + " priority, is_required, created_at, service_verified";
    private static final String CHECK_COLUMNS = "record_key, is_verified, last_checked, updated_at, check_state,"
            + " regressed, next_check_at, found_values, diagnosis_codes, diagnosis_severities, diagnosis_messages,"
            + " diagnosis_publish, state_since";
    /** A record and its result, in the order {@link #read} expects. */
    private static final String SELECTED = "r.id, r.domain_id, r.record_type, r.name, r.record_value, r.priority,"
            + " r.is_required, c.is_verified, c.last_checked, r.created_at, c.updated_at, c.check_state, c.regressed,"
            + " c.next_check_at, r.service_verified, c.found_values, c.diagnosis_codes, c.diagnosis_severities,"
            + " c.diagnosis_messages, c.diagnosis_publish";
    static final String JOINED = " FROM dns_record r LEFT JOIN record_check c ON c.record_key = r.record_key";
    /** The store's key of the record with the service's id bound at this parameter. */
    static final String KEY_OF_ID = "(SELECT k.record_key FROM dns_record k WHERE k.id = ?)";

    private final Database db;

    RecordTable(Database db) {
        this.db = db;
    }

    void insert(Connection c, List<DnsRecord> records) throws SQLException {
        insert(c, records, Map.of());
    }

    /** {@code statesSince}: since when a record kept by an import has had its current result (history). */
    void insert(Connection c, List<DnsRecord> records, Map<String, Instant> statesSince) throws SQLException {
        if (records.isEmpty()) {
            return;
        }
        Map<String, Integer> counters = new HashMap<>();
        int[] positions = new int[records.size()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = counters.merge(records.get(i).domainId(), 1, Integer::sum);
        }
        long firstKey = StoreKeys.draw(db, "record", records.size());
        MultiRowInsert.run(c, "dns_record", RECORD_COLUMNS, 11, records, (ps, first, r, index) -> {
            int i = first;
            ps.setLong(i++, firstKey + index);
            ps.setString(i++, r.id());
            ps.setString(i++, r.domainId());
            ps.setInt(i++, positions[index]);
            ps.setString(i++, r.recordType().name());
            ps.setString(i++, r.name());
            ps.setString(i++, r.value());
            Jdbc.setInteger(ps, i++, r.priority());
            ps.setBoolean(i++, r.isRequired());
            Jdbc.setInstant(ps, i++, r.createdAt());
            Jdbc.setBoolean(ps, i, r.serviceVerified());
        });
        MultiRowInsert.run(c, "record_check", CHECK_COLUMNS, 13, records, (ps, first, r, index) -> {
            int i = first;
            ps.setLong(i++, firstKey + index);
            ps.setBoolean(i++, r.isVerified());
            Jdbc.setInstant(ps, i++, r.lastChecked());
            Jdbc.setInstant(ps, i++, r.updatedAt());
            ps.setString(i++, r.checkState().wire());
            ps.setBoolean(i++, r.regressed());
            Jdbc.setInstant(ps, i++, r.nextCheckAt());
            bindResults(ps, i, r);
            Jdbc.setInstant(ps, i + 5, statesSince.get(r.id()));
        });
    }

    /** Domains per key look-up statement; a batch's list is padded to it, so one statement shape serves all. */
    private static final int DOMAINS_PER_LOOKUP = 32;

    /**
     * The store's keys of these records as they are now, read by their domains (one range of the {@code domain_id}
     * index per domain instead of one string-index descent per record). A record has no key, so its result is
     * dropped, when it was removed meanwhile: not found, found under another domain than the one it was checked
     * with, or found with another type, name, value or priority (removed and added again by a sync with the same
     * service id: the result was for what it was, not for what it is).
     */
    static Map<String, Long> keysOf(Connection c, List<DnsRecord> records) throws SQLException {
        if (records.isEmpty()) {
            return new HashMap<>();
        }
        Map<String, DnsRecord> checked = new HashMap<>(records.size() * 2);
        for (DnsRecord r : records) {
            checked.put(r.id(), r);
        }
        List<String> domains = new ArrayList<>(new LinkedHashSet<>(records.stream().map(DnsRecord::domainId).toList()));
        Map<String, Long> keys = new HashMap<>(records.size() * 2);
        try (PreparedStatement ps = c.prepareStatement("SELECT id, domain_id, record_key, record_type, name,"
                + " record_value, priority FROM dns_record WHERE domain_id IN ("
                + "?, ".repeat(DOMAINS_PER_LOOKUP - 1) + "?)")) {
            for (int start = 0; start < domains.size(); start += DOMAINS_PER_LOOKUP) {
                for (int i = 0; i < DOMAINS_PER_LOOKUP; i++) {
                    ps.setString(i + 1, domains.get(Math.min(start + i, domains.size() - 1)));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        DnsRecord r = checked.get(rs.getString(1));
                        if (r != null && r.domainId().equals(rs.getString(2))
                                && r.recordType().name().equals(rs.getString(4)) && r.name().equals(rs.getString(5))
                                && r.value().equals(rs.getString(6)) && Objects.equals(r.priority(), getInteger(rs, 7))) {
                            keys.put(r.id(), rs.getLong(3));
                        }
                    }
                }
            }
        }
        return keys;
    }

    /**
     * Writes a check's results into {@code record_check}, one UPDATE per record by the store's integer key (no
     * string-keyed index is read or written); a record in {@code changed} starts its current result now
     * ({@code state_since}). A record without a key in {@code keys} was removed meanwhile: its result is dropped.
     * Before a changed record's row is overwritten, the result it held is closed as a history span
     * ({@link JdbcHistoryRepository#closeSpans}), so a changed record is first updated only if its row holds no result
     * yet (never checked: nothing to close, as on the first check after an import); the rows that do hold one, also
     * when another process checked the record meanwhile, have their span closed and are then updated. Returns the
     * records that were not updated: without a key, or without a row under it (removed meanwhile).
     */
    List<DnsRecord> updateChecks(Connection c, List<DnsRecord> records, Set<String> changed, Map<String, Long> keys)
            throws SQLException {
        List<DnsRecord> plain = new ArrayList<>(records.size());
        List<DnsRecord> fresh = new ArrayList<>();
        List<DnsRecord> notUpdated = new ArrayList<>();
        for (DnsRecord r : records) {
            if (keys.containsKey(r.id())) {
                (changed.contains(r.id()) ? fresh : plain).add(r);
            } else {
                notUpdated.add(r);
            }
        }
        if (!fresh.isEmpty()) {
            // the row's check is compared and written in one statement, under the row's lock: no other writer can
            // slip a result in between that would then go unrecorded
            int[] counts = update(c, fresh, true, keys, " AND NOT (" + JdbcHistoryRepository.HOLDS_RESULT + ")");
            List<DnsRecord> held = new ArrayList<>();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    held.add(fresh.get(i));
                }
            }
            JdbcHistoryRepository.closeSpans(c, held, keys);
            collectNotUpdated(update(c, held, true, keys, ""), held, notUpdated);
        }
        collectNotUpdated(update(c, plain, false, keys, ""), plain, notUpdated);
        return notUpdated;
    }

    private static void collectNotUpdated(int[] counts, List<DnsRecord> records, List<DnsRecord> notUpdated) {
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                notUpdated.add(records.get(i));
            }
        }
    }

    private static int[] update(Connection c, List<DnsRecord> records, boolean changed, Map<String, Long> keys,
                                String condition) throws SQLException {
        if (records.isEmpty()) {
            return new int[0];
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE record_check c SET is_verified = ?, last_checked = ?,"
                + " updated_at = ?, check_state = ?, regressed = ?, next_check_at = ?, found_values = ?,"
                + " diagnosis_codes = ?, diagnosis_severities = ?, diagnosis_messages = ?, diagnosis_publish = ?,"
                + (changed ? " state_since = ?" : " state_since = COALESCE(state_since, ?)")
                + " WHERE record_key = ?" + condition)) {
            for (DnsRecord r : records) {
                ps.setBoolean(1, r.isVerified());
                Jdbc.setInstant(ps, 2, r.lastChecked());
                Jdbc.setInstant(ps, 3, r.updatedAt());
                ps.setString(4, r.checkState().wire());
                ps.setBoolean(5, r.regressed());
                Jdbc.setInstant(ps, 6, r.nextCheckAt());
                bindResults(ps, 7, r);
                Jdbc.setInstant(ps, 12, r.lastChecked());
                ps.setLong(13, keys.get(r.id()));
                ps.addBatch();
            }
            return ps.executeBatch();
        }
    }

    /** The values found and the diagnoses, as five array parameters from {@code first} (NULL when empty). */
    private static void bindResults(PreparedStatement ps, int first, DnsRecord r) throws SQLException {
        List<Diagnosis> diagnoses = r.diagnoses();
        Connection c = ps.getConnection();
        setArray(ps, first, c, r.found().isEmpty() ? null : r.found().toArray(String[]::new));
        if (diagnoses.isEmpty()) {
            for (int i = 1; i <= 4; i++) {
                setArray(ps, first + i, c, null);
            }
            return;
        }
        String[] codes = new String[diagnoses.size()];
        String[] severities = new String[diagnoses.size()];
        String[] messages = new String[diagnoses.size()];
        String[] publish = new String[diagnoses.size()];
        boolean anyPublish = false;
        for (int i = 0; i < codes.length; i++) {
            publish[i] = diagnoses.get(i).publish();
            anyPublish |= publish[i] != null;
            codes[i] = diagnoses.get(i).code();
            severities[i] = diagnoses.get(i).severity().wire();
            messages[i] = diagnoses.get(i).message();
        }
        setArray(ps, first + 1, c, codes);
        setArray(ps, first + 2, c, severities);
        setArray(ps, first + 3, c, messages);
        setArray(ps, first + 4, c, anyPublish ? publish : null);
    }

    /** A VARCHAR array through the standard JDBC call, which H2 and PostgreSQL's driver both take. */
    private static void setArray(PreparedStatement ps, int index, Connection c, String[] values) throws SQLException {
        if (values == null) {
            ps.setNull(index, Types.ARRAY);
        } else {
            ps.setArray(index, c.createArrayOf("VARCHAR", values));
        }
    }

    void deleteOfDomains(Connection c, Collection<String> domainIds) throws SQLException {
        if (domainIds.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM dns_record WHERE domain_id = ?")) {
            for (String id : domainIds) {
                ps.setString(1, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Above this many domains a load scans the whole table and filters in memory (H2 checks ANY(?) linearly). */
    private static final int SCAN_THRESHOLD = 500;
    private static final int FETCH_SIZE = 2_000;

    Map<String, List<DnsRecord>> load(Connection c, Collection<String> domainIds) throws SQLException {
        Map<String, List<DnsRecord>> byDomain = new LinkedHashMap<>();
        loadByDomain(c, domainIds, byDomain::put, (id, key) -> { });
        return byDomain;
    }

    /**
     * Hands each domain's records (in profile order) to {@code eachDomain} as soon as they are read; domains without
     * records are not handed over. Many domains are read in the order of the store's keys, which is the order a
     * check's writer then updates them in, so each of its transactions changes neighbouring B-tree pages rather than
     * pages all over the table (decision 0019); a few are read through the domain index. {@code keyOfEach} learns
     * each record's store key (by the record's id) before its domain is handed over.
     */
    void load(Connection c, Collection<String> domainIds, BiConsumer<String, List<DnsRecord>> eachDomain,
              BiConsumer<String, Long> keyOfEach) throws SQLException {
        if (domainIds.size() > SCAN_THRESHOLD) {
            loadInKeyOrder(c, new HashSet<>(domainIds), eachDomain, keyOfEach);
        } else {
            loadByDomain(c, domainIds, eachDomain, keyOfEach);
        }
    }

    /**
     * Every record in key order, each domain handed over once all of its records (counted first) are read. The count
     * and the scan read one snapshot ({@link Jdbc#reading}), so the counts are the scan's. A domain's records are
     * stored under neighbouring keys, so it is usually handed over at once; a domain whose records are spread (a
     * record added later has a key behind all others) is handed over when its last one is read. Should a count still
     * not match, the domain is handed over at the end.
     */
    private void loadInKeyOrder(Connection c, Set<String> wanted, BiConsumer<String, List<DnsRecord>> eachDomain,
                                BiConsumer<String, Long> keyOfEach) throws SQLException {
        Map<String, Integer> counts = new HashMap<>(wanted.size() * 2);
        try (PreparedStatement ps = c.prepareStatement("SELECT domain_id, COUNT(*) FROM dns_record GROUP BY domain_id"
                + " ORDER BY domain_id"); // in the domain index's order: H2 then needs no hash table
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (wanted.contains(rs.getString(1))) {
                    counts.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        Map<String, DomainRecords> reading = new LinkedHashMap<>();
        lazyReads(c, true);
        try (PreparedStatement ps = c.prepareStatement("SELECT " + SELECTED + ", r.position, r.record_key" + JOINED
                + " ORDER BY r.record_key")) {
            ps.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String domainId = rs.getString(2);
                    Integer expected = counts.get(domainId);
                    if (expected == null) {
                        continue; // not asked for, handed over already, or without records when counted
                    }
                    DomainRecords records = reading.computeIfAbsent(domainId, id -> new DomainRecords());
                    DnsRecord record = read(rs);
                    keyOfEach.accept(record.id(), rs.getLong(22));
                    records.add(record, rs.getInt(21));
                    if (records.size() == expected) {
                        reading.remove(domainId);
                        counts.remove(domainId); // a record added since the count is not handed over a second time
                        eachDomain.accept(domainId, records.inProfileOrder());
                    }
                }
            }
        } finally {
            lazyReads(c, false); // the connection goes back to the pool as it came
        }
        reading.forEach((domainId, records) -> eachDomain.accept(domainId, records.inProfileOrder()));
    }

    /** One domain's records as they are read, with their positions in its profile. */
    private static final class DomainRecords {
        private final List<DnsRecord> records = new ArrayList<>(12);
        private final List<Integer> positions = new ArrayList<>(12);
        private boolean inOrder = true;

        void add(DnsRecord record, int position) {
            inOrder &= positions.isEmpty() || positions.get(positions.size() - 1) < position;
            records.add(record);
            positions.add(position);
        }

        int size() {
            return records.size();
        }

        List<DnsRecord> inProfileOrder() {
            if (inOrder) {
                return records;
            }
            Integer[] order = new Integer[records.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparingInt(positions::get));
            List<DnsRecord> sorted = new ArrayList<>(order.length);
            for (int i : order) {
                sorted.add(records.get(i));
            }
            return sorted;
        }
    }

    /**
     * Hands each domain's records (in profile order) to {@code eachDomain} as soon as they are read, in the store's
     * order of domain ids; domains without records are not handed over.
     */
    private void loadByDomain(Connection c, Collection<String> domainIds,
                              BiConsumer<String, List<DnsRecord>> eachDomain, BiConsumer<String, Long> keyOfEach)
            throws SQLException {
        if (domainIds.isEmpty()) {
            return;
        }
        boolean scan = domainIds.size() > SCAN_THRESHOLD;
        Set<String> wanted = scan ? new HashSet<>(domainIds) : null;
        String where = scan ? "" : " WHERE r.domain_id = ANY(?)";
        lazyReads(c, true);
        try (PreparedStatement ps = c.prepareStatement("SELECT " + SELECTED + ", r.record_key" + JOINED + where
                + " ORDER BY r.domain_id, r.position")) {
            ps.setFetchSize(FETCH_SIZE);
            if (!scan) {
                ps.setArray(1, c.createArrayOf("VARCHAR", domainIds.toArray()));
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<DnsRecord> current = null;
                String currentDomain = null;
                while (rs.next()) {
                    String domainId = rs.getString(2);
                    if (!domainId.equals(currentDomain)) {
                        if (current != null) {
                            eachDomain.accept(currentDomain, current);
                        }
                        currentDomain = domainId;
                        current = wanted == null || wanted.contains(domainId) ? new ArrayList<>() : null;
                    }
                    if (current != null) {
                        DnsRecord record = read(rs);
                        keyOfEach.accept(record.id(), rs.getLong(21));
                        current.add(record);
                    }
                }
                if (current != null) {
                    eachDomain.accept(currentDomain, current);
                }
            }
        } finally {
            lazyReads(c, false); // the connection goes back to the pool as it came
        }
    }

    private void lazyReads(Connection c, boolean on) throws SQLException {
        for (String sql : db.dialect().lazyReads(on)) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.execute();
            }
        }
    }

    private static DnsRecord read(ResultSet rs) throws SQLException {
        // a record without its check row (none is left so; LEFT JOIN so that one could never hide a record) reads
        // as never checked
        Instant created = getInstant(rs, 10);
        Instant updated = getInstant(rs, 11);
        String state = rs.getString(12);
        return new DnsRecord(rs.getString(1), rs.getString(2),
                RecordType.parse(rs.getString(3)), rs.getString(4),
                rs.getString(5), getInteger(rs, 6), rs.getBoolean(7),
                rs.getBoolean(8), getInstant(rs, 9), created,
                updated == null ? created : updated, state == null ? CheckState.UNCHECKED : CheckState.parse(state),
                strings(rs, 16), diagnoses(rs), rs.getBoolean(13),
                getInstant(rs, 14), getBoolean(rs, 15));
    }

    private static List<String> strings(ResultSet rs, int column) throws SQLException {
        Array array = rs.getArray(column);
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        List<String> result = new ArrayList<>(values.length);
        for (Object v : values) {
            result.add((String) v);
        }
        return result;
    }

    private static List<Diagnosis> diagnoses(ResultSet rs) throws SQLException {
        List<String> codes = strings(rs, 17);
        if (codes.isEmpty()) {
            return List.of();
        }
        List<String> severities = strings(rs, 18);
        List<String> messages = strings(rs, 19);
        List<String> publish = strings(rs, 20);
        List<Diagnosis> result = new ArrayList<>(codes.size());
        for (int i = 0; i < codes.size(); i++) {
            result.add(new Diagnosis(codes.get(i), Severity.parse(severities.get(i)), messages.get(i),
                    i < publish.size() ? publish.get(i) : null));
        }
        return result;
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
}
