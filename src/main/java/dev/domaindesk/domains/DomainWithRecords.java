package dev.domaindesk.domains;

import java.util.List;

/** A domain and its records, as added, imported, synced or exported. */
public record DomainWithRecords(Domain domain, List<DnsRecord> records) {
    public DomainWithRecords {
        records = List.copyOf(records);
    }
}
