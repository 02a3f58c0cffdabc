package dev.domaindesk.verification;

import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.verification.ScheduleRepository.ScheduleRow;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One pass of the scheduler over due domains, run chunk by chunk; it hears each chunk's run. The check run stores
 * each record's next due time with its verdict; DNS errors keep theirs until the chunk's end, when this pass
 * reschedules them unless the network was down.
 */
final class RecheckPass implements CheckListener {
    final CompletableFuture<Void> finished = new CompletableFuture<>();
    private final ScheduleRepository store;
    private final RecheckPolicy policy;
    private final Clock clock;
    private final Consumer<CheckEvent.Stored> onStored;
    private final Set<String> attempted = new HashSet<>();
    private final Set<String> storedDomains = new HashSet<>();
    private final Map<String, Instant> heldErrors = new HashMap<>();
    private List<String> chunk = List.of();
    CheckRun run;
    boolean cancelRequested;
    /** The chunk in flight was stopped by a pause or a hold (not finished, not cancelled). */
    boolean stopped;
    boolean closing;

    RecheckPass(ScheduleRepository store, RecheckPolicy policy, Clock clock, Consumer<CheckEvent.Stored> onStored) {
        this.store = store;
        this.policy = policy;
        this.clock = clock;
        this.onStored = onStored;
    }

    synchronized void beginChunk(List<String> ids) {
        chunk = List.copyOf(ids);
        attempted.addAll(ids);
        heldErrors.clear();
    }

    /** A chunk's run reports: stored batches count, and are passed on; its end is the scheduler's to see. */
    @Override
    public void on(CheckEvent event) {
        if (event instanceof CheckEvent.Stored batch) {
            stored(batch);
            onStored.accept(batch);
        }
    }

    private synchronized void stored(CheckEvent.Stored batch) {
        Instant now = clock.instant();
        Map<String, Domain> byId = new HashMap<>();
        for (Domain d : batch.domains()) {
            byId.put(d.id(), d);
            storedDomains.add(d.id());
        }
        for (DnsRecord r : batch.records()) {
            Domain d = byId.get(r.domainId());
            if (d != null && r.checkState() == CheckState.DNS_ERROR) {
                heldErrors.put(r.id(), policy.nextCheck(d, r, now)); // the run stored the others' due times
            }
        }
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
