package dev.domaindesk.domains;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * One check run's reads of records and writes of their results ({@link DomainRepository#checkSession()}): a store
 * may remember where each record it handed over is stored, so that storing the record's result needs no look-up.
 */
public interface CheckSession {
    /** As {@link DomainRepository#recordsOf(Collection, BiConsumer)}. */
    void recordsOf(Collection<String> domainIds, BiConsumer<String, List<DnsRecord>> eachDomain);

    /** As {@link DomainRepository#saveChecks(List, List, Set)}, for records this session handed over (or others). */
    int saveChecks(List<Domain> domains, List<DnsRecord> records, Set<String> changed);
}
