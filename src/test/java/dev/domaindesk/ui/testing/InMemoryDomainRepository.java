package dev.domaindesk.ui.testing;

import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainName;
import dev.domaindesk.domains.DomainRepository;
import dev.domaindesk.domains.DomainStatus;
import dev.domaindesk.domains.DomainWithRecords;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A DomainRepository in memory, for view-model tests. */
public final class InMemoryDomainRepository implements DomainRepository {
    private final Map<String, Domain> domains = new LinkedHashMap<>();
    private final Map<String, List<DnsRecord>> records = new HashMap<>();

    @Override
    public synchronized void insert(Domain domain, List<DnsRecord> list) {
        domains.put(domain.id(), domain);
        records.put(domain.id(), new ArrayList<>(list));
    }

    @Override
    public synchronized int delete(String domainId) {
        if (domains.remove(domainId) == null) {
            return -1;
        }
        return records.remove(domainId).size();
    }

    @Override
    public synchronized Optional<Domain> findById(String id) {
        return Optional.ofNullable(domains.get(id));
    }

    @Override
    public synchronized Optional<Domain> findByName(DomainName name) {
        return domains.values().stream().filter(d -> d.name().equals(name)).findFirst();
    }

    @Override
    public synchronized List<Domain> findAll() {
        return domains.values().stream().sorted(Comparator.comparing(Domain::name)).toList();
    }

    @Override
    public synchronized List<Domain> findPage(DomainStatus status, int limit, int offset) {
        return findAll().stream().filter(d -> status == null || d.status() == status).skip(offset).limit(limit).toList();
    }

    @Override
    public synchronized Map<DomainStatus, Integer> countByStatus() {
        Map<DomainStatus, Integer> counts = new EnumMap<>(DomainStatus.class);
        domains.values().forEach(d -> counts.merge(d.status(), 1, Integer::sum));
        return counts;
    }

    @Override
    public synchronized List<DnsRecord> recordsOf(String domainId) {
        return List.copyOf(records.getOrDefault(domainId, List.of()));
    }

    @Override
    public synchronized Map<String, List<DnsRecord>> recordsOf(Collection<String> domainIds) {
        Map<String, List<DnsRecord>> out = new HashMap<>();
        domainIds.forEach(id -> out.put(id, recordsOf(id)));
        return out;
    }

    @Override
    public synchronized void replaceAll(List<DomainWithRecords> list, Collection<String> removeIds) {
        removeIds.forEach(this::delete);
        for (DomainWithRecords d : list) {
            insert(d.domain(), d.records());
        }
    }

    @Override
    public synchronized int saveChecks(List<Domain> changed, List<DnsRecord> list) {
        changed.forEach(d -> domains.computeIfPresent(d.id(), (k, v) -> d.zoneKnown() ? d : d.withZone(v.zone())));
        int n = 0;
        for (DnsRecord r : list) {
            List<DnsRecord> mine = records.get(r.domainId());
            if (mine != null) {
                mine.replaceAll(old -> old.id().equals(r.id()) ? r : old);
                n++;
            }
        }
        return n;
    }
}
