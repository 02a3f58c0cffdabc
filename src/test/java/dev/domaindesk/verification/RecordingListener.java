package dev.domaindesk.verification;

import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Keeps what the scheduler reported, in order; an optional hook runs on each stored batch. */
final class RecordingListener implements SchedulerListener {
    final List<String> checkedDomains = Collections.synchronizedList(new ArrayList<>());
    final List<String> checkedRecords = Collections.synchronizedList(new ArrayList<>());
    final List<String> verified = new CopyOnWriteArrayList<>();
    final List<String> regressed = new CopyOnWriteArrayList<>();
    final List<SchedulerProgress> progress = new CopyOnWriteArrayList<>();
    volatile Consumer<List<Domain>> onBatch = batch -> { };

    @Override
    public void progress(SchedulerProgress p) {
        progress.add(p);
    }

    @Override
    public void checked(List<Domain> domains, List<DnsRecord> records) {
        domains.forEach(d -> checkedDomains.add(d.id()));
        records.forEach(r -> checkedRecords.add(r.id()));
        onBatch.accept(domains);
    }

    @Override
    public void domainVerified(Domain domain) {
        verified.add(domain.id());
    }

    @Override
    public void recordRegressed(Domain domain, DnsRecord record) {
        regressed.add(record.id());
    }

    void clear() {
        checkedDomains.clear();
        checkedRecords.clear();
        verified.clear();
        regressed.clear();
        progress.clear();
    }
}
