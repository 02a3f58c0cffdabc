package dev.domaindesk.cli;

import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.verification.CheckEvent;
import dev.domaindesk.verification.CheckListener;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Collects what a check run committed, batch by batch, so the report needs no second read of the store. */
final class CheckResults implements CheckListener {
    private final CheckListener progress;
    private final Map<String, Domain> domains = new HashMap<>();
    private final Map<String, List<DnsRecord>> records = new HashMap<>();

    CheckResults(CheckListener progress) {
        this.progress = progress;
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
        batch.records().forEach(r -> records.computeIfAbsent(r.domainId(), k -> new ArrayList<>()).add(r));
    }

    synchronized Map<String, Domain> domains() {
        return Map.copyOf(domains);
    }

    synchronized Map<String, List<DnsRecord>> records() {
        return Map.copyOf(records);
    }
}
