package dev.domaindesk.files;

import dev.domaindesk.api.json.DnsRecordsDocument;
import dev.domaindesk.api.json.ServiceDocuments;
import dev.domaindesk.api.json.ServiceJson;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainRepository;
import dev.domaindesk.domains.DomainService;
import dev.domaindesk.domains.DomainWithRecords;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes domains and their records as the service's JSON, CSV, or a BIND zone-file snippet. */
public final class ExportService {
    private final DomainService domains;
    private final DomainRepository repository;

    public ExportService(DomainService domains, DomainRepository repository) {
        this.domains = domains;
        this.repository = repository;
    }

    /** The domains named (by name or id), or every domain when none is named, with their records. */
    public List<DomainWithRecords> select(List<String> namesOrIds) {
        List<Domain> chosen = namesOrIds.isEmpty() ? domains.list()
                : namesOrIds.stream().map(domains::require).toList();
        Map<String, List<DnsRecord>> records =
                repository.recordsOf(chosen.stream().map(Domain::id).toList());
        List<DomainWithRecords> result = new ArrayList<>();
        for (Domain d : chosen) {
            result.add(new DomainWithRecords(d, records.getOrDefault(d.id(), List.of())));
        }
        return result;
    }

    /**
     * Writes {@code selection} in {@code format}. JSON: one domain named alone gives a dns-records document,
     * anything else an array of them.
     */
    public void write(List<DomainWithRecords> selection, ExportFormat format, boolean single, boolean absolute,
                      Writer out) throws IOException {
        switch (format) {
            case JSON -> writeJson(selection, single, out);
            case CSV -> CsvExport.write(selection, out);
            case ZONE -> ZoneExport.write(selection, absolute, out);
            default -> throw new IllegalStateException(format.name());
        }
        out.flush();
    }

    private static void writeJson(List<DomainWithRecords> selection, boolean single, Writer out) throws IOException {
        List<DnsRecordsDocument> docs = selection.stream().map(ServiceDocuments::dnsRecords).toList();
        Object body = single && docs.size() == 1 ? docs.get(0) : docs;
        ServiceJson.mapper().writeValue(new NonClosingWriter(out), body);
        out.write(System.lineSeparator());
    }

    /** Keeps Jackson from closing the caller's stream. */
    private static final class NonClosingWriter extends java.io.FilterWriter {
        NonClosingWriter(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
