package dev.domaindesk.verification;

import dev.domaindesk.domains.CheckSession;
import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.history.HistoryEntry;
import dev.domaindesk.verification.dns.Authorities;
import dev.domaindesk.verification.dns.DnsClient;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Type;

/** One check run: verdicts per record (through {@link RecordJudge}), domains as they complete, stored in batches. */
final class CheckRunner implements CheckRun {
    private static final Logger LOG = LoggerFactory.getLogger(CheckRunner.class);
    /**
     * Records per transaction (a batch closes at the first domain that reaches it). Each commit writes the changed
     * B-tree pages and their paths to the roots (H2's WRITE_DELAY=0), so fewer, larger batches cost the writer less
     * (decision 0017). A domain is still written whole or not at all, and a batch is stored as soon as nothing more
     * is waiting, so a small check is not held back.
     */
    private static final int BATCH_RECORDS = 2_000;
    /**
     * At most this many checked domains wait for the writer: when DNS outruns the store, new domains start only as
     * the writer catches up, so waiting results do not grow the heap (peak RSS).
     */
    private static final int MAX_WAITING_DOMAINS = 1_000;
    /**
     * The loader gets its places back this many at a time, and the writer takes what waits every few milliseconds:
     * woken for each domain, both cost the DNS thread a wake-up per domain (decision 0021).
     */
    private static final int PLACES_PER_RELEASE = 16;
    private static final long WRITER_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final CheckSession store;
    private final Clock clock;
    private final RecheckPolicy policy;
    private final CheckListener listener;
    private final Runnable afterRun;
    /** Where this run's one writer thread comes from (the app's pool). */
    private final Executor writer;
    private final DnsClient client;
    private final RecordJudge judge;
    private final CompletableFuture<CheckSummary> done = new CompletableFuture<>();
    private final BlockingQueue<DomainResult> completed = new LinkedBlockingQueue<>();
    /** The run's domains whose records have not been handed over yet. */
    private final Map<String, Domain> unloaded = new ConcurrentHashMap<>();
    /** Domains not started yet, with their records as loaded. */
    private final Queue<DomainResult> queue = new ConcurrentLinkedQueue<>();
    /**
     * Places in {@link #queue}: the loader waits while twice the window of domains wait there. Read far ahead, a
     * large check's records outlived young collections, were copied into the old generation and died there, and the
     * reading took the CPU the first domains' checks needed (decision 0020).
     */
    private final Semaphore loadAhead;
    /** Places freed by domains started, not yet given back to the loader (at most {@link #PLACES_PER_RELEASE}). */
    private final AtomicInteger heldPlaces = new AtomicInteger();
    /** Why the records could not all be read; the run then ends with it. */
    private volatile Throwable loadFailure;
    /** Domains that may start now: the window of domains in progress, less those in progress. */
    private final AtomicInteger freeSlots = new AtomicInteger();
    private final ThreadLocal<Boolean> starting = ThreadLocal.withInitial(() -> false);
    /** The progress total: the records loaded so far, so it grows while the run's first domains are checked. */
    private final AtomicInteger loadedRecords = new AtomicInteger();
    private final AtomicInteger doneRecords = new AtomicInteger();
    private final AtomicInteger resolvedDomains = new AtomicInteger();
    private final int[] counts = new int[3]; // verified, not verified, dns errors (writer thread only)
    private final List<CheckSummary.NotStored> notStored = new ArrayList<>(); // writer thread only
    private final Instant startedAt;
    private volatile boolean cancelled;
    private int transactions; // writer thread only

    /**
     * A domain and its records: waiting, with the records as loaded; completed, with their verdicts and the ids of
     * the records whose result changed (they get a history entry).
     */
    private record DomainResult(Domain domain, List<DnsRecord> records, Set<String> changed) {
    }

    CheckRunner(CheckSession store, Clock clock, CheckOptions options, int authoritativePort,
                RecheckPolicy policy, CheckListener listener, Runnable afterRun, Executor spfExecutor, Executor writer) {
        this.store = store;
        this.afterRun = afterRun;
        this.writer = writer;
        this.clock = clock;
        this.policy = policy;
        this.listener = listener;
        this.startedAt = clock.instant();
        this.client = new DnsClient(options.resolvers(), options.timeout(), options.maxInFlight());
        this.freeSlots.set(Math.max(16, options.maxInFlight()));
        this.loadAhead = new Semaphore((int) Math.min(Integer.MAX_VALUE, 2L * Math.max(16, options.maxInFlight())));
        SpfLookups spf = new SpfLookups(client::ask, spfExecutor);
        this.judge = new RecordJudge(new RecordChecker(spf), client,
                options.authoritative() ? new Authorities(client, authoritativePort) : null, clock);
    }

    /**
     * Starts the run over {@code domains}; their records follow through {@link #loaded(String, List)} (domains start
     * as theirs arrive), then {@link #allLoaded()}. {@code loading} (which hands them over) starts with the run's
     * writer, so a loader only ever waits for checks whose writer runs.
     */
    void start(List<Domain> domains, Runnable loading) {
        domains.forEach(d -> unloaded.put(d.id(), d));
        writer.execute(() -> {
            loading.run();
            write(domains.size());
        });
    }

    /**
     * A domain's records as loaded; a domain not in the run, or handed over before, is ignored. Waits (on the
     * loader's thread) while twice the window of domains loaded before it wait to start. Returns false once the run
     * is cancelled or ended: the loader then stops reading, so its connection does not hold the store open.
     */
    boolean loaded(String domainId, List<DnsRecord> records) {
        Domain domain = unloaded.remove(domainId);
        if (domain == null) {
            return !stopped();
        }
        waitForPlace();
        loadedRecords.addAndGet(records.size());
        queue.add(new DomainResult(domain, records, Set.of()));
        startNext();
        return !stopped();
    }

    private boolean stopped() {
        return cancelled || done.isDone();
    }

    private void waitForPlace() {
        while (!stopped()) {
            try {
                if (loadAhead.tryAcquire(50, TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException ignored) {
                // nothing of DomainDesk interrupts a loader (an interrupt inside an H2 read closes the store's file),
                // and the interrupt is not passed on into the next read: the run goes on until it ends or is cancelled
            }
            startNext(); // should two threads have missed a free place at once, nobody else may start the next
        }
    }

    /** Reading the records failed: the domains started still end and are stored, then the run ends with {@code e}. */
    void loadFailed(Throwable e) {
        loadFailure = e;
        cancel();
    }

    /** Every record is loaded: the run's domains not handed over have none, and are checked without records. */
    void allLoaded() {
        for (String id : List.copyOf(unloaded.keySet())) {
            loaded(id, List.of());
        }
    }

    /**
     * Starts waiting domains while the window has room and the writer keeps up. A domain whose answers are already
     * at hand completes at once and asks for the next one from inside this call: such nested calls return at once
     * and the outer loop goes on, so the stack stays flat however many domains complete synchronously.
     */
    private void startNext() {
        if (starting.get()) {
            return;
        }
        starting.set(true);
        try {
            while (!queue.isEmpty() && (completed.size() < MAX_WAITING_DOMAINS || cancelled)) {
                if (freeSlots.getAndDecrement() <= 0) {
                    freeSlots.incrementAndGet();
                    return;
                }
                DomainResult next = queue.poll();
                if (next == null) {
                    freeSlots.incrementAndGet();
                    return;
                }
                if (heldPlaces.incrementAndGet() >= PLACES_PER_RELEASE) {
                    givePlacesBack();
                }
                startOne(next);
            }
            if (queue.isEmpty()) {
                givePlacesBack(); // nothing waits to start: the loader must not wait for places held back
            }
        } finally {
            starting.set(false);
        }
    }

    private void givePlacesBack() {
        int places = heldPlaces.getAndSet(0);
        if (places > 0) {
            loadAhead.release(places);
        }
    }

    /** A domain ended (stored, failed or never started): its place in the window goes to the next one. */
    private void domainEnded() {
        freeSlots.incrementAndGet();
        startNext();
    }

    /**
     * Starts {@code next}; once cancelled, none is started: it counts as resolved. Only a window of domains is in
     * progress at once (enough to keep the DNS window full): the futures of thousands of domains started together
     * outlive many young collections, which copy them again and again and grow the heap.
     */
    private void startOne(DomainResult next) {
        if (cancelled) {
            resolvedDomains.incrementAndGet();
            freeSlots.incrementAndGet();
            return;
        }
        Domain loaded = next.domain();
        List<DnsRecord> records = next.records();
        client.ask(RecordChecker.dnsName(loaded.name().ascii()), Type.SOA)
                .thenApply(answer -> loaded.withZone(ZoneApex.of(loaded.name(), answer)))
                .whenComplete((domain, error) -> {
                    if (error != null) {
                        LOG.debug("Domain {} not stored: {}", loaded.name(), error.toString());
                        resolvedDomains.incrementAndGet();
                        domainEnded();
                    } else {
                        checkRecords(domain, records);
                    }
                });
    }

    /** Checks the records of {@code domain}, whose zone is known by now when DNS told. */
    private void checkRecords(Domain domain, List<DnsRecord> records) {
        List<CompletableFuture<DnsRecord>> checks = records.stream().map(r -> judge.of(domain, r)
                .thenApply(v -> {
                    int done = doneRecords.incrementAndGet();
                    notify(() -> listener.on(CheckEvent.Progress.running(done, loadedRecords.get())));
                    return Verdicts.apply(r, v);
                })).toList();
        CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new)).whenComplete((ok, error) -> {
            if (error == null) {
                List<DnsRecord> checked = checks.stream().map(CompletableFuture::join).toList();
                Set<String> changed = new HashSet<>();
                for (int i = 0; i < checked.size(); i++) {
                    if (HistoryEntry.isChange(records.get(i), checked.get(i))) {
                        changed.add(checked.get(i).id());
                    }
                }
                completed.add(new DomainResult(domain, checked, changed));
            } else {
                LOG.debug("Domain {} not stored: {}", domain.name(), error.toString());
                resolvedDomains.incrementAndGet();
            }
            domainEnded(); // starts no more while MAX_WAITING_DOMAINS wait for the writer: it starts them
        });
    }

    private void write(int domainCount) {
        List<DomainResult> batch = new ArrayList<>();
        int batchRecords = 0;
        try {
            while (resolvedDomains.get() < domainCount || !batch.isEmpty()) {
                startNext();
                DomainResult next = completed.poll(100, TimeUnit.MILLISECONDS);
                if (next != null) {
                    batch.add(next);
                    batchRecords += next.records().size();
                    resolvedDomains.incrementAndGet();
                    for (DomainResult more; batchRecords < BATCH_RECORDS && (more = completed.poll()) != null; ) {
                        batch.add(more);
                        batchRecords += more.records().size();
                        resolvedDomains.incrementAndGet();
                    }
                }
                boolean finished = resolvedDomains.get() >= domainCount;
                if (!batch.isEmpty() && (batchRecords >= BATCH_RECORDS || next == null || finished)) {
                    store(batch);
                    batch = new ArrayList<>();
                    batchRecords = 0;
                } else if (next != null && !finished && !cancelled) {
                    LockSupport.parkNanos(WRITER_PAUSE_NANOS); // let domains gather rather than wake for each one
                }
            }
            LOG.info("Check run done: {} questions, {} retried, {} without any answer; stored in {} transactions",
                    client.answered(), client.retries(), client.networkFailures(), transactions);
            housekeeping();
            if (loadFailure != null) {
                done.completeExceptionally(loadFailure);
            } else {
                done.complete(summary(domainCount));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel(); // nothing more is stored: the loader and the DNS side stop too
            done.completeExceptionally(e);
        } catch (RuntimeException | Error e) {
            LOG.error("Storing check results failed", e);
            cancel();
            done.completeExceptionally(e);
        }
    }

    /**
     * Stores a batch in one transaction. When the store refuses it, each domain is stored alone, so one domain the
     * store cannot take (whatever its reason) costs only its own results; it is named in the summary.
     */
    private void store(List<DomainResult> batch) {
        Instant now = clock.instant();
        List<DomainResult> ready = batch.stream().map(r -> ready(r, now)).toList();
        try {
            save(ready);
        } catch (StoreFailure batchFailure) {
            if (ready.size() == 1) {
                notStored(ready.get(0), batchFailure.getCause());
                return;
            }
            LOG.warn("Storing {} domains' results together failed; storing them one by one", ready.size());
            for (DomainResult one : ready) {
                try {
                    save(List.of(one));
                } catch (StoreFailure failure) {
                    notStored(one, failure.getCause());
                }
            }
        }
    }

    /** The domain with its new status, its records with their next due times. */
    private DomainResult ready(DomainResult result, Instant now) {
        Domain domain = Verdicts.status(result.domain(), result.records(), now, policy.settings().failAfter());
        List<DnsRecord> records = new ArrayList<>(result.records().size());
        for (DnsRecord r : result.records()) {
            records.add(r.checkState() == CheckState.DNS_ERROR ? r : r.withNextCheckAt(policy.nextCheck(domain, r, now)));
        }
        return new DomainResult(domain, records, result.changed());
    }

    private void save(List<DomainResult> results) {
        List<Domain> domains = new ArrayList<>(results.size());
        List<DnsRecord> records = new ArrayList<>();
        Set<String> changed = new HashSet<>();
        for (DomainResult result : results) {
            domains.add(result.domain());
            records.addAll(result.records());
            changed.addAll(result.changed());
        }
        try {
            store.saveChecks(domains, records, changed);
        } catch (RuntimeException e) {
            throw new StoreFailure(e);
        }
        transactions++;
        for (DnsRecord r : records) {
            counts[r.checkState() == CheckState.VERIFIED ? 0 : r.checkState() == CheckState.DNS_ERROR ? 2 : 1]++;
        }
        notify(() -> listener.on(new CheckEvent.Stored(List.copyOf(domains), List.copyOf(records))));
    }

    /** Before the run reports done, so the store is still open; a failure is logged and changes no outcome. */
    private void housekeeping() {
        try {
            afterRun.run();
        } catch (RuntimeException e) {
            LOG.warn("Housekeeping after a check run failed", e);
        }
    }

    private void notStored(DomainResult result, Throwable cause) {
        // H2's first line names the column or constraint; the statement follows it
        String reason = String.valueOf(cause.getMessage()).lines().findFirst().orElse(cause.getClass().getSimpleName())
                .replaceFirst("; SQL statement:$", "");
        LOG.warn("The results of {} were not stored: {}", result.domain().name().ascii(), reason);
        LOG.debug("Storing {} failed", result.domain().name().ascii(), cause);
        notStored.add(new CheckSummary.NotStored(result.domain().id(), result.domain().name().ascii(), reason));
    }

    /** The store refused a write (only the writer thread sees it). */
    private static final class StoreFailure extends RuntimeException {
        StoreFailure(RuntimeException cause) {
            super(cause);
        }
    }

    /** A listener's failure is logged, never allowed to lose results. */
    private static void notify(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("A check listener failed", e);
        }
    }

    private CheckSummary summary(int domainCount) {
        boolean offline = client.answered() > 0 && client.networkFailures() == client.answered();
        return new CheckSummary(startedAt, domainCount, counts[0], counts[1], counts[2], offline, cancelled, notStored);
    }

    @Override
    public RunState state() {
        if (!done.isDone()) {
            return RunState.RUNNING;
        }
        return done.isCompletedExceptionally() ? RunState.FAILED : RunState.ended(done.join(), null);
    }

    @Override
    public CompletableFuture<CheckSummary> done() {
        return done;
    }

    @Override
    public void cancel() {
        cancelled = true;
        client.cancel();
        startNext(); // resolves the waiting domains, even when none is in flight to do it
    }

}
