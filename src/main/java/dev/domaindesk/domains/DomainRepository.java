package dev.domaindesk.domains;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/** Where domains and records live. Every method is one transaction: it happens whole or not at all. */
public interface DomainRepository {

    /** Inserts a new domain with its records. */
    void insert(Domain domain, List<DnsRecord> records);

    /** Deletes a domain and its records; returns how many records went with it, or -1 when there was no such domain. */
    int delete(String domainId);

    Optional<Domain> findById(String id);

    Optional<Domain> findByName(DomainName name);

    /** All domains, ordered by name. */
    List<Domain> findAll();

    /** Every domain's id, ordered by name (what "check all" needs, without reading whole domains). */
    default List<String> findAllIds() {
        return findAll().stream().map(Domain::id).toList();
    }

    /** One page of domains ordered by name; {@code status} null for all. */
    List<Domain> findPage(DomainStatus status, int limit, int offset);

    /** Domain count per status. */
    Map<DomainStatus, Integer> countByStatus();

    /** A domain's records in profile order. */
    List<DnsRecord> recordsOf(String domainId);

    /** Each domain's required records and how many are verified (null: every domain). */
    default Map<String, Progress> progress(Collection<String> domainIds) {
        Map<String, Progress> result = new java.util.HashMap<>();
        recordsOf(domainIds == null ? findAllIds() : domainIds).forEach((id, records) -> result.put(id, Progress.of(records)));
        return result;
    }

    /** The records of many domains at once, keyed by domain id (each list in profile order). */
    Map<String, List<DnsRecord>> recordsOf(Collection<String> domainIds);

    /**
     * The same, each domain's records handed to {@code eachDomain} as they are read (domains without records are
     * left out), so that work on the first domains can start while the rest load. Should the store read them again
     * (a transaction repeated), a domain can be handed over twice.
     */
    default void recordsOf(Collection<String> domainIds, BiConsumer<String, List<DnsRecord>> eachDomain) {
        recordsOf(domainIds).forEach(eachDomain);
    }

    /** The stored domain id of each of {@code recordIds} that is stored; ids not stored are absent. */
    default Map<String, String> recordOwners(Collection<String> recordIds) {
        Set<String> wanted = new HashSet<>(recordIds);
        Map<String, String> owners = new HashMap<>();
        recordsOf(findAllIds()).forEach((domainId, list) -> list.stream().filter(r -> wanted.contains(r.id()))
                .forEach(r -> owners.put(r.id(), domainId)));
        return owners;
    }

    /**
     * Writes domains with their full record sets as one transaction (import and sync). A domain is matched by
     * id, then by name; a matched domain's records are replaced by the given ones, keeping DomainDesk's own check
     * state for records whose id, type, name and value are unchanged. Domains in {@code removeIds} are deleted.
     */
    void replaceAll(List<DomainWithRecords> domains, Collection<String> removeIds);

    /**
     * Stores check results: updated records and their domains, in one transaction. Records or domains removed
     * meanwhile are skipped silently. Returns how many records were written.
     */
    int saveChecks(List<Domain> domains, List<DnsRecord> records);

    /**
     * The same, also appending a history entry for each record in {@code changed} (ids of records whose verdict,
     * found values or diagnoses the check changed), in the same transaction. Stores without history ignore it.
     */
    default int saveChecks(List<Domain> domains, List<DnsRecord> records, Set<String> changed) {
        return saveChecks(domains, records);
    }

    /** A check run's reads and writes; by default exactly the methods above. */
    default CheckSession checkSession() {
        return new CheckSession() {
            @Override
            public void recordsOf(Collection<String> domainIds, BiConsumer<String, List<DnsRecord>> eachDomain) {
                DomainRepository.this.recordsOf(domainIds, eachDomain);
            }

            @Override
            public int saveChecks(List<Domain> domains, List<DnsRecord> records, Set<String> changed) {
                return DomainRepository.this.saveChecks(domains, records, changed);
            }
        };
    }
}
