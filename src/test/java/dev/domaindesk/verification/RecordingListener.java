package dev.domaindesk.verification;

import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Keeps what the scheduler reported, in order; an optional hook runs on each stored batch. From the batches it also
 * tells the news: a domain that became verified, a verified record that went missing or wrong (a DNS error is not a
 * regression), each compared with how the batches last showed it.
 */
final class RecordingListener implements CheckListener {
    final List<String> checkedDomains = Collections.synchronizedList(new ArrayList<>());
    final List<String> checkedRecords = Collections.synchronizedList(new ArrayList<>());
    final List<String> verified = new CopyOnWriteArrayList<>();
    final List<String> regressed = new CopyOnWriteArrayList<>();
    final List<CheckEvent.Progress> progress = new CopyOnWriteArrayList<>();
    private final Map<String, DomainStatus> lastStatus = new ConcurrentHashMap<>();
    private final Map<String, CheckState> lastState = new ConcurrentHashMap<>();
    volatile Consumer<List<Domain>> onBatch = batch -> { };

    @Override
    public void on(CheckEvent event) {
        if (event instanceof CheckEvent.Progress p) {
            progress.add(p);
        } else if (event instanceof CheckEvent.Stored batch) {
            stored(batch.domains(), batch.records());
        }
    }

    private void stored(List<Domain> domains, List<DnsRecord> records) {
        for (Domain d : domains) {
            checkedDomains.add(d.id());
            DomainStatus before = lastStatus.put(d.id(), d.status());
            if (d.status() == DomainStatus.VERIFIED && before != null && before != DomainStatus.VERIFIED) {
                verified.add(d.id());
            }
        }
        for (DnsRecord r : records) {
            checkedRecords.add(r.id());
            CheckState before = lastState.put(r.id(), r.checkState());
            if (before == CheckState.VERIFIED
                    && (r.checkState() == CheckState.MISSING || r.checkState() == CheckState.MISMATCH)) {
                regressed.add(r.id());
            }
        }
        onBatch.accept(domains);
    }

    void clear() {
        checkedDomains.clear();
        checkedRecords.clear();
        verified.clear();
        regressed.clear();
        progress.clear();
    }
}
