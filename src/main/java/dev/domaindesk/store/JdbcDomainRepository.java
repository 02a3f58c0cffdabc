package dev.domaindesk.store;

import static dev.domaindesk.store.Jdbc.getBoolean;
import static dev.domaindesk.store.Jdbc.getInstant;
import static dev.domaindesk.store.Jdbc.inTransaction;

import dev.domaindesk.domains.CheckSession;
import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainName;
import dev.domaindesk.domains.DomainRepository;
import dev.domaindesk.domains.DomainStatus;
import dev.domaindesk.domains.Progress;
import dev.domaindesk.domains.DomainWithRecords;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/** The H2 implementation of {@link DomainRepository}: plain JDBC, prepared statements only. */
public final class JdbcDomainRepository implements DomainRepository {
    private static final String DOMAIN_COLUMNS = "id, name, status, profile, created_at, updated_at, last_dns_check,"
            + " pending_since, service_status, can_receive_emails, has_mx_records, domain_provider,"
            + " provider_confidence, last_ses_check, is_catch_all_enabled";
    /** Read with the domain, written only by a check (a sync or an import knows nothing of the zone). */
    private static final String SELECTED = DOMAIN_COLUMNS + ", zone_apex";

    private final Database db;
    private final RecordTable records;

    public JdbcDomainRepository(Database db) {
        this.db = db;
        this.records = new RecordTable(db);
    }

    @Override
    public void insert(Domain domain, List<DnsRecord> recordList) {
        inTransaction(db, c -> {
            insertDomains(c, List.of(domain));
            records.insert(c, recordList);
            return null;
        });
    }

    @Override
    public int delete(String domainId) {
        return inTransaction(db, c -> {
            int count = count(c, "SELECT COUNT(*) FROM dns_record WHERE domain_id = ?", domainId);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM domain WHERE id = ?")) {
                ps.setString(1, domainId);
                return ps.executeUpdate() == 0 ? -1 : count;
            }
        });
    }

    @Override
    public Optional<Domain> findById(String id) {
        return queryDomains("SELECT " + SELECTED + " FROM domain WHERE id = ?", id).stream().findFirst();
    }

    @Override
    public Optional<Domain> findByName(DomainName name) {
        return queryDomains("SELECT " + SELECTED + " FROM domain WHERE name = ?", name.ascii())
                .stream().findFirst();
    }

    @Override
    public List<Domain> findAll() {
        return queryDomains("SELECT " + SELECTED + " FROM domain ORDER BY name");
    }

    @Override
    public List<String> findAllIds() {
        return inTransaction(db, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM domain ORDER BY name");
                 ResultSet rs = ps.executeQuery()) {
                List<String> ids = new ArrayList<>();
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
                return ids;
            }
        });
    }

    @Override
    public List<Domain> findPage(DomainStatus status, int limit, int offset) {
        if (status == null) {
            return queryDomains("SELECT " + SELECTED + " FROM domain ORDER BY name LIMIT ? OFFSET ?",
                    limit, offset);
        }
        return queryDomains("SELECT " + SELECTED + " FROM domain WHERE status = ? ORDER BY name LIMIT ? OFFSET ?",
                status.wire(), limit, offset);
    }

    @Override
    public Map<DomainStatus, Integer> countByStatus() {
        return inTransaction(db, c -> {
            Map<DomainStatus, Integer> counts = new EnumMap<>(DomainStatus.class);
            for (DomainStatus s : DomainStatus.values()) {
                counts.put(s, 0);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT status, COUNT(*) FROM domain GROUP BY status");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(DomainStatus.parse(rs.getString(1)), rs.getInt(2));
                }
            }
            return counts;
        });
    }

    @Override
    public Map<String, Progress> progress(Collection<String> domainIds) {
        if (domainIds != null && domainIds.isEmpty()) {
            return Map.of();
        }
        return inTransaction(db, c -> {
            Map<String, Progress> result = new java.util.HashMap<>();
            String sql = "SELECT r.domain_id, SUM(CASE WHEN r.is_required THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN r.is_required AND c.is_verified THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN r.is_required AND c.check_state = ? THEN 1 ELSE 0 END)" + RecordTable.JOINED
                    + (domainIds == null ? "" : " WHERE r.domain_id = ANY(?)") + " GROUP BY r.domain_id";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, CheckState.DNS_ERROR.wire());
                if (domainIds != null) {
                    ps.setArray(2, c.createArrayOf("VARCHAR", domainIds.toArray()));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.put(rs.getString(1), new Progress(rs.getInt(3), rs.getInt(2), rs.getInt(4)));
                    }
                }
            }
            return result;
        });
    }

    @Override
    public List<DnsRecord> recordsOf(String domainId) {
        return recordsOf(List.of(domainId)).getOrDefault(domainId, List.of());
    }

    @Override
    public Map<String, List<DnsRecord>> recordsOf(Collection<String> domainIds) {
        if (domainIds.isEmpty()) {
            return Map.of();
        }
        return inTransaction(db, c -> records.load(c, domainIds));
    }

    @Override
    public void recordsOf(Collection<String> domainIds, BiConsumer<String, List<DnsRecord>> eachDomain) {
        streamRecords(domainIds, eachDomain, (id, key) -> { });
    }

    private void streamRecords(Collection<String> domainIds, BiConsumer<String, List<DnsRecord>> eachDomain,
                               BiConsumer<String, Long> keyOfEach) {
        if (domainIds.isEmpty()) {
            return;
        }
        Jdbc.reading(db, c -> {
            records.load(c, domainIds, eachDomain, keyOfEach);
            return null;
        });
    }

    /**
     * Remembers the store key of each record it hands over, so that storing a result writes by that key without
     * reading the records again ({@link RecordTable#keysOf}). A key names one record as it was read for as long as
     * the record exists: its type, name, value and domain are never changed in place (a sync or an import removes a
     * domain's records and stores them again under new keys), and keys are never handed out twice. So a result finds
     * the record it was checked for under its key, or no row; only a result without a row is looked for by content,
     * as {@link #saveChecks} looks for every one (decision 0019).
     */
    @Override
    public CheckSession checkSession() {
        Map<String, Long> keys = new ConcurrentHashMap<>();
        return new CheckSession() {
            @Override
            public void recordsOf(Collection<String> domainIds, BiConsumer<String, List<DnsRecord>> eachDomain) {
                // the first key read stays: a read repeated after a broken connection hands no domain over twice,
                // so a record checked as first read is stored under that read's key, or found again by content
                streamRecords(domainIds, eachDomain, keys::putIfAbsent);
            }

            @Override
            public int saveChecks(List<Domain> domains, List<DnsRecord> recordList, Set<String> changed) {
                int saved = save(domains, recordList, changed, keys);
                recordList.forEach(r -> keys.remove(r.id()));
                return saved;
            }
        };
    }

    @Override
    public Map<String, String> recordOwners(Collection<String> recordIds) {
        if (recordIds.isEmpty()) {
            return Map.of();
        }
        Set<String> wanted = recordIds instanceof Set<String> set ? set : new HashSet<>(recordIds);
        // one pass over two columns: an "id = ANY(?)" array was compared row by row (an import of 80,000 records
        // into a store of as many took seconds more) and H2 refuses arrays of more than 65,536 elements
        return inTransaction(db, c -> {
            Map<String, String> owners = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, domain_id FROM dns_record");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (wanted.contains(rs.getString(1))) {
                        owners.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            return owners;
        });
    }

    @Override
    public void replaceAll(List<DomainWithRecords> domains, Collection<String> removeIds) {
        inTransaction(db, c -> {
            for (String id : removeIds) {
                deleteDomain(c, id);
            }
            Map<String, String> idByName = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name FROM domain");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    idByName.put(rs.getString(2), rs.getString(1));
                }
            }
            Set<String> existingIds = new HashSet<>(idByName.values());
            List<String> matched = new ArrayList<>();
            for (DomainWithRecords d : domains) {
                String sameName = idByName.get(d.domain().name().ascii());
                if (sameName != null && !sameName.equals(d.domain().id())) {
                    deleteDomain(c, sameName);
                    existingIds.remove(sameName);
                }
                if (existingIds.contains(d.domain().id())) {
                    matched.add(d.domain().id());
                }
            }
            Map<String, DnsRecord> previous = new HashMap<>();
            records.load(c, matched).values().forEach(list -> list.forEach(r -> previous.put(r.id(), r)));
            Map<String, Instant> statesSince = JdbcHistoryRepository.statesSince(c, matched);
            records.deleteOfDomains(c, matched);
            List<DnsRecord> toInsert = new ArrayList<>();
            List<Domain> updates = new ArrayList<>();
            List<Domain> inserts = new ArrayList<>();
            for (DomainWithRecords d : domains) {
                (existingIds.contains(d.domain().id()) ? updates : inserts).add(d.domain());
                for (DnsRecord r : d.records()) {
                    DnsRecord kept = RecordTable.keepCheckState(r, previous.get(r.id()));
                    toInsert.add(kept);
                    if (kept.checkState() == CheckState.UNCHECKED) {
                        statesSince.remove(r.id()); // a changed record starts afresh; its past stays in the history
                    }
                }
            }
            updateDomains(c, updates);
            insertDomains(c, inserts);
            records.insert(c, toInsert, statesSince);
            return null;
        });
    }

    @Override
    public int saveChecks(List<Domain> domains, List<DnsRecord> recordList) {
        return saveChecks(domains, recordList, Set.of());
    }

    @Override
    public int saveChecks(List<Domain> domains, List<DnsRecord> recordList, Set<String> changed) {
        return save(domains, recordList, changed, Map.of());
    }

    /**
     * Stores a check's results in one transaction. A record with a key in {@code remembered} (a check session's) is
     * written by it, the others by the key their content is found under now; a remembered key with no row any more
     * (removed meanwhile, or stored again by a sync under a new key) is looked for by content too.
     */
    private int save(List<Domain> domains, List<DnsRecord> recordList, Set<String> changed,
                     Map<String, Long> remembered) {
        return inTransaction(db, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE domain SET status = ?, updated_at = ?,"
                    + " last_dns_check = ?, pending_since = ?, zone_apex = COALESCE(?, zone_apex) WHERE id = ?")) {
                for (Domain d : domains) {
                    ps.setString(1, d.status().wire());
                    Jdbc.setInstant(ps, 2, d.updatedAt());
                    Jdbc.setInstant(ps, 3, d.lastDnsCheck());
                    Jdbc.setInstant(ps, 4, d.pendingSince());
                    ps.setString(5, d.zone() == null ? null : d.zone().ascii());
                    ps.setString(6, d.id());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            Map<String, Long> keys = new HashMap<>(recordList.size() * 2);
            List<DnsRecord> unknown = new ArrayList<>();
            for (DnsRecord r : recordList) {
                Long key = remembered.get(r.id());
                if (key != null) {
                    keys.put(r.id(), key);
                } else {
                    unknown.add(r);
                }
            }
            keys.putAll(RecordTable.keysOf(c, unknown));
            List<DnsRecord> notUpdated = records.updateChecks(c, recordList, changed, keys);
            List<DnsRecord> moved = notUpdated.stream().filter(r -> remembered.containsKey(r.id())).toList();
            if (!moved.isEmpty()) {
                notUpdated.removeAll(moved);
                notUpdated.addAll(records.updateChecks(c, moved, changed, RecordTable.keysOf(c, moved)));
            }
            return recordList.size() - notUpdated.size();
        });
    }

    private void deleteDomain(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM domain WHERE id = ?")) {
            ps.setString(1, id);
            ps.executeUpdate();
        }
    }

    private static void insertDomains(Connection c, List<Domain> domains) throws SQLException {
        MultiRowInsert.run(c, "domain", DOMAIN_COLUMNS, 15, domains, (ps, first, d, index) -> {
            ps.setString(first, d.id());
            bindDomain(ps, d, first + 1);
        });
    }

    private static void updateDomains(Connection c, List<Domain> domains) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE domain SET name = ?, status = ?, profile = ?,"
                + " created_at = ?, updated_at = ?, last_dns_check = ?, pending_since = ?, service_status = ?,"
                + " can_receive_emails = ?, has_mx_records = ?, domain_provider = ?, provider_confidence = ?,"
                + " last_ses_check = ?, is_catch_all_enabled = ? WHERE id = ?")) {
            for (Domain d : domains) {
                int next = bindDomain(ps, d, 1);
                ps.setString(next, d.id());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static int bindDomain(PreparedStatement ps, Domain d, int first) throws SQLException {
        int i = first;
        ps.setString(i++, d.name().ascii());
        ps.setString(i++, d.status().wire());
        ps.setString(i++, d.profile());
        Jdbc.setInstant(ps, i++, d.createdAt());
        Jdbc.setInstant(ps, i++, d.updatedAt());
        Jdbc.setInstant(ps, i++, d.lastDnsCheck());
        Jdbc.setInstant(ps, i++, d.pendingSince());
        ps.setString(i++, d.serviceStatus() == null ? null : d.serviceStatus().wire());
        Domain.ServiceFields p = d.provider() == null ? Domain.ServiceFields.NONE : d.provider();
        Jdbc.setBoolean(ps, i++, p.canReceiveEmails());
        Jdbc.setBoolean(ps, i++, p.hasMxRecords());
        ps.setString(i++, p.domainProvider());
        ps.setString(i++, p.providerConfidence());
        Jdbc.setInstant(ps, i++, p.lastSesCheck());
        Jdbc.setBoolean(ps, i++, p.isCatchAllEnabled());
        return i;
    }

    private List<Domain> queryDomains(String sql, Object... params) {
        return inTransaction(db, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                List<Domain> result = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.add(readDomain(rs));
                    }
                }
                return result;
            }
        });
    }

    private static Domain readDomain(ResultSet rs) throws SQLException {
        String service = rs.getString("service_status");
        String zone = rs.getString("zone_apex");
        return new Domain(
                rs.getString("id"),
                new DomainName(rs.getString("name")),
                DomainStatus.parse(rs.getString("status")),
                rs.getString("profile"),
                getInstant(rs, "created_at"),
                getInstant(rs, "updated_at"),
                getInstant(rs, "last_dns_check"),
                getInstant(rs, "pending_since"),
                service == null ? null : DomainStatus.parse(service),
                new Domain.ServiceFields(
                        getBoolean(rs, "can_receive_emails"),
                        getBoolean(rs, "has_mx_records"),
                        rs.getString("domain_provider"),
                        rs.getString("provider_confidence"),
                        getInstant(rs, "last_ses_check"),
                        getBoolean(rs, "is_catch_all_enabled")),
                zone == null ? null : new DomainName(zone));
    }

    private static int count(Connection c, String sql, String param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

}
