package dev.domaindesk.cli;

import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.verification.CheckEvent;
import dev.domaindesk.verification.CheckListener;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects what a check run committed, batch by batch, so the report needs no second read of the store. For the
 * table, each domain's rows are rendered as its batch is stored (on the run's writer, while the checks go on) instead
 * of keeping its records: once the run ends, the table is only padded and written.
 */
final class CheckResults implements CheckListener {
    private final CheckListener progress;
    private final boolean table;
    private final Map<String, Domain> domains = new HashMap<>();
    private final Map<String, List<DnsRecord>> records = new HashMap<>();
    private final Map<String, CheckReport.Rows> rows = new HashMap<>();

    /** {@code table}: the report is the table (else the JSON document, which needs the records themselves). */
    CheckResults(CheckListener progress, boolean table) {
        this.progress = progress;
        this.table = table;
    }

    @Override
    public void on(CheckEvent event) {
        if (event instanceof CheckEvent.Stored batch) {
            stored(batch);
        }
        progress.on(event);
    }

    private synchronized void stored(CheckEvent.Stored batch) {
        batch.domains().forEach(d -> domains.put(d.id(), d));
        if (!table) {
            batch.records().forEach(r -> records.computeIfAbsent(r.domainId(), k -> new ArrayList<>()).add(r));
            return;
        }
        Map<String, List<DnsRecord>> byDomain = new HashMap<>();
        batch.records().forEach(r -> byDomain.computeIfAbsent(r.domainId(), k -> new ArrayList<>()).add(r));
        for (Domain d : batch.domains()) {
            CheckReport.Rows rendered = CheckReport.rowsOf(d, byDomain.getOrDefault(d.id(), List.of()));
            rows.merge(d.id(), rendered, CheckReport.Rows::then);
        }
    }

    synchronized Map<String, Domain> domains() {
        return Map.copyOf(domains);
    }

    /** Each domain's records; empty when collecting for the table. */
    synchronized Map<String, List<DnsRecord>> records() {
        return Map.copyOf(records);
    }

    /** Each domain's table rows; empty when collecting for the JSON document. */
    synchronized Map<String, CheckReport.Rows> rows() {
        return Map.copyOf(rows);
    }
}
