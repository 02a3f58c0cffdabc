package dev.domaindesk.verification;

import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainStatus;
import dev.domaindesk.verification.ScheduleRepository.ScheduleRow;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One pass of the scheduler over due domains, run chunk by chunk. The check run stores each record's next due
 * time with its verdict; DNS errors keep theirs until the chunk's end, when this pass reschedules them unless
 * the network was down. Each stored batch also becomes events, by comparing with the records before the chunk.
 */
final class RecheckPass implements BulkChecker.Sink {
    final CompletableFuture<Void> finished = new CompletableFuture<>();
    private final ScheduleRepository store;
    private final RecheckPolicy policy;
    private final Clock clock;
    private final Consumer<Batch> onStored;
    private final Set<String> attempted = new HashSet<>();
    private final Set<String> storedDomains = new HashSet<>();
    private final Map<String, Instant> heldErrors = new HashMap<>();
    private Map<String, ScheduleRow> before = Map.of();
    private Set<String> previousStatus = Set.of();
    private List<String> chunk = List.of();
    BulkChecker.Run run;
    boolean cancelRequested;
    /** The chunk in flight was stopped by a pause or a hold (not finished, not cancelled). */
    boolean stopped;
    boolean closing;

    /** What one stored batch meant: the batch itself and the events it raised. */
    record Batch(List<Domain> domains, List<DnsRecord> records, List<Domain> verified,
                 List<Map.Entry<Domain, DnsRecord>> regressed) {
    }

    RecheckPass(ScheduleRepository store, RecheckPolicy policy, Clock clock, Consumer<Batch> onStored) {
        this.store = store;
        this.policy = policy;
        this.clock = clock;
        this.onStored = onStored;
    }

    @Override
    public RecheckPolicy policy() {
        return policy;
    }

    /** Remembers the chunk's records as they are now, for the events. */
    synchronized void beginChunk(List<String> ids) {
        chunk = List.copyOf(ids);
        attempted.addAll(ids);
        heldErrors.clear();
        Map<String, ScheduleRow> rows = new HashMap<>();
        Set<String> verifiedBefore = new HashSet<>();
        for (ScheduleRow row : store.rows(ids)) {
            rows.put(row.recordId(), row);
            if (row.domainStatus() == DomainStatus.VERIFIED) {
                verifiedBefore.add(row.domainId());
            }
        }
        before = rows;
        previousStatus = verifiedBefore;
    }

    @Override
    public void stored(List<Domain> domains, List<DnsRecord> records) {
        Batch batch;
        synchronized (this) {
            Instant now = clock.instant();
            Map<String, Domain> byId = new HashMap<>();
            List<Domain> verified = new ArrayList<>();
            for (Domain d : domains) {
                byId.put(d.id(), d);
                storedDomains.add(d.id());
                if (d.status() == DomainStatus.VERIFIED && !previousStatus.contains(d.id())) {
                    verified.add(d);
                }
            }
            List<Map.Entry<Domain, DnsRecord>> regressed = new ArrayList<>();
            for (DnsRecord r : records) {
                Domain d = byId.get(r.domainId());
                ScheduleRow old = before.get(r.id());
                if (d != null && r.checkState() == CheckState.DNS_ERROR) {
                    heldErrors.put(r.id(), policy.nextCheck(d, r, now)); // the run stored the others' due times
                }
                if (d != null && old != null && old.checkState() == CheckState.VERIFIED
                        && (r.checkState() == CheckState.MISSING || r.checkState() == CheckState.MISMATCH)) {
                    regressed.add(Map.entry(d, r));
                }
            }
            batch = new Batch(domains, records, verified, regressed);
        }
        onStored.accept(batch);
    }

    /** Ends a chunk: DNS errors get their next time unless the whole chunk found the network down. */
    synchronized void endChunk(boolean offline) {
        if (!offline) {
            store.reschedule(heldErrors);
        }
        heldErrors.clear();
        run = null;
    }

    /** After a pause: the chunk's domains that were not stored may be picked again. */
    synchronized void releaseUnstored() {
        for (String id : chunk) {
            if (!storedDomains.contains(id)) {
                attempted.remove(id);
            }
        }
    }

    synchronized boolean attempted(String domainId) {
        return attempted.contains(domainId);
    }

    synchronized int unresolved() {
        return attempted.size() - storedDomains.size();
    }

    synchronized int done() {
        return storedDomains.size();
    }

    /** Defers what is still due at {@code now} to its next turn, as if it had been checked with no change. */
    static void deferDue(ScheduleRepository store, RecheckPolicy policy, Collection<String> domainIds, Instant now) {
        Map<String, Instant> next = new HashMap<>();
        for (ScheduleRow row : store.rows(domainIds)) {
            if (row.nextCheckAt() == null || !row.nextCheckAt().isAfter(now)) {
                next.put(row.recordId(), policy.nextCheck(row.domainStatus(), row.pendingSince(), row.checkState(),
                        row.createdAt(), now));
            }
        }
        store.reschedule(next);
    }
}
