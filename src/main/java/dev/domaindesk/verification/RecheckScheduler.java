package dev.domaindesk.verification;

import dev.domaindesk.concurrent.BackgroundThreads;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-checks records in the background when they fall due (see {@link RecheckPolicy}), chunk by chunk through
 * the engine, which bounds the queries in flight and stores results in batched transactions. Due times live in
 * the store, so a restart resumes where the schedule stood. "Check now" goes to the head of the queue.
 *
 * <p>Nothing here waits on a clock: {@link #tick()} runs whatever is due at the injected clock's time, and
 * {@link #start(Duration)} merely calls it periodically.
 */
public final class RecheckScheduler implements BackgroundChecks, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RecheckScheduler.class);
    public static final int DEFAULT_CHUNK = 1000;

    private final CheckStarter checks;
    private final ScheduleRepository store;
    private final Supplier<ScheduleSettings> settings;
    private final Clock clock;
    private final int chunkSize;
    private final ScheduledExecutorService executor;
    private final boolean ownsExecutor;
    private volatile ScheduledFuture<?> timer;
    private final RecheckLease lease;
    private volatile boolean leaseHeld;
    private final List<CheckListener> listeners = new CopyOnWriteArrayList<>();
    private final LinkedHashSet<String> priority = new LinkedHashSet<>();
    private volatile RunState state = RunState.IDLE;
    private volatile RecheckPass pass;
    private volatile Instant offlineRetryAt;
    private int offlineAttempts;
    private boolean paused;
    /** Checks started by hand that are under way ({@link #hold}); background work waits for them. */
    private int holds;
    private boolean closed;
    private int lastDone;
    private int lastTotal;

    /**
     * {@code checks} starts each chunk's run, which stores the records' next due times by the same schedule as
     * {@code settings} (the engine's {@link CheckService} reads both from the stored settings).
     */
    public RecheckScheduler(CheckStarter checks, ScheduleRepository store, Supplier<ScheduleSettings> settings,
                            Clock clock, int chunkSize) {
        this(checks, store, settings, clock, chunkSize, RecheckLease.ALONE);
    }

    /** {@code lease}: due records are re-checked only while this process holds it; "check now" always runs. */
    public RecheckScheduler(CheckStarter checks, ScheduleRepository store, Supplier<ScheduleSettings> settings,
                            Clock clock, int chunkSize, RecheckLease lease) {
        this(checks, store, settings, clock, chunkSize, lease,
                Executors.newSingleThreadScheduledExecutor(BackgroundThreads.named("domaindesk-scheduler")), true);
    }

    /** {@code executor}: one thread, the app's (it shuts it down); the scheduler's state changes only on it. */
    public RecheckScheduler(CheckStarter checks, ScheduleRepository store, Supplier<ScheduleSettings> settings,
                            Clock clock, int chunkSize, RecheckLease lease, ScheduledExecutorService executor) {
        this(checks, store, settings, clock, chunkSize, lease, executor, false);
    }

    private RecheckScheduler(CheckStarter checks, ScheduleRepository store, Supplier<ScheduleSettings> settings,
                             Clock clock, int chunkSize, RecheckLease lease, ScheduledExecutorService executor,
                             boolean ownsExecutor) {
        this.lease = lease;
        this.checks = checks;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.chunkSize = chunkSize;
        this.executor = executor;
        this.ownsExecutor = ownsExecutor;
    }

    /** Hears {@link CheckEvent.Progress} (the state, domains of the pass) and each {@link CheckEvent.Stored}. */
    @Override
    public void addListener(CheckListener listener) {
        listeners.add(listener);
    }

    public void removeListener(CheckListener listener) {
        listeners.remove(listener);
    }

    @Override
    public Optional<Instant> nextCheckAt() {
        return store.earliestDue();
    }

    /**
     * Runs of {@code starter} (checks started by hand) hold background work from their start to their end: they
     * check the same domains.
     */
    public CheckStarter holding(CheckStarter starter) {
        return CheckStarter.holding(starter, this::hold, this::release);
    }

    /** Calls {@link #tick()} now and then every {@code every}, until {@link #close()}. */
    public void start(Duration every) {
        timer = executor.scheduleWithFixedDelay(() -> {
            try {
                tick();
            } catch (RuntimeException e) {
                LOG.warn("Background re-check could not start", e);
            }
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Starts a pass over everything due now, unless one is going on, the scheduler is paused, or DNS was found
     * down and its retry time has not come. Returns the pass's completion (completed at once when none started).
     */
    public CompletableFuture<Void> tick() {
        RecheckPass started;
        synchronized (this) {
            if (pass != null) {
                if (!closed) {
                    holdLease(); // renewed while a long pass runs
                }
                return pass.finished;
            }
            if (closed || waiting()) {
                return CompletableFuture.completedFuture(null);
            }
            if (priority.isEmpty() && !holdLease()) {
                return CompletableFuture.completedFuture(null);
            }
            Instant now = clock.instant();
            if (state == RunState.OFFLINE && offlineRetryAt != null && now.isBefore(offlineRetryAt)) {
                return CompletableFuture.completedFuture(null);
            }
            if (priority.isEmpty() && store.dueDomains(now, 1).isEmpty()) {
                return CompletableFuture.completedFuture(null);
            }
            started = new RecheckPass(store, new RecheckPolicy(settings.get()), clock, this::onStored);
            pass = started;
            if (state != RunState.OFFLINE) {
                state = RunState.RUNNING;
            }
        }
        emitProgress();
        executor.execute(() -> nextChunk(started));
        return started.finished;
    }

    /** Checks these domains before anything else, starting a pass if none is going on. */
    public CompletableFuture<Void> checkNow(Collection<String> domainIds) {
        synchronized (this) {
            priority.addAll(domainIds);
            if (state == RunState.OFFLINE) {
                offlineRetryAt = null;
            }
        }
        return tick();
    }

    /** Checks every domain now ("check all"), in chunks, whatever its due time. */
    public CompletableFuture<Void> checkAllNow() {
        return checkNow(store.allDomainIds());
    }

    /** Holds the pass: the chunk in flight is stopped (what it stored stays), nothing new starts until resume. */
    public void pause() {
        synchronized (this) {
            if (paused || closed) {
                return;
            }
            paused = true;
            state = RunState.PAUSED;
            stopChunk();
        }
        emitProgress();
    }

    public void resume() {
        RecheckPass toContinue;
        synchronized (this) {
            if (!paused) {
                return;
            }
            paused = false;
            state = offlineRetryAt != null ? RunState.OFFLINE : RunState.RUNNING;
            toContinue = pass;
            if (toContinue == null) {
                state = offlineRetryAt != null ? RunState.OFFLINE : RunState.IDLE;
            }
        }
        emitProgress();
        carryOn(toContinue);
    }

    /**
     * Holds background work while a check started by hand runs (it checks the same domains): the chunk in flight
     * stops (what it stored stays), nothing new starts until the matching {@link #release()}. Unlike a pause this
     * is not the user's choice, so the state shown does not change and a pause or resume meanwhile is kept.
     */
    public void hold() {
        synchronized (this) {
            holds++;
            stopChunk();
        }
    }

    /** Ends one {@link #hold()}; a pass it interrupted carries on when no hold and no pause is left. */
    public void release() {
        RecheckPass toContinue;
        synchronized (this) {
            if (holds == 0) {
                return;
            }
            holds--;
            if (waiting() || closed || pass == null) {
                return; // with no pass to carry on, the next timer tick looks for due work as usual
            }
            toContinue = pass;
        }
        executor.execute(() -> nextChunk(toContinue));
    }

    private void carryOn(RecheckPass toContinue) {
        if (toContinue != null) {
            executor.execute(() -> nextChunk(toContinue));
        } else {
            tick();
        }
    }

    /** Stops the chunk in flight, remembering that it was stopped, not finished (its unstored domains stay due). */
    private void stopChunk() {
        if (pass != null && pass.run != null && !pass.stopped) {
            pass.stopped = true;
            pass.run.cancel();
        }
    }

    /** Paused by the user or held by a check started by hand. */
    private boolean waiting() {
        return paused || holds > 0;
    }

    /**
     * Cancels the current pass and the "check now" queue. Records the pass had not reached wait for their next
     * turn by the schedule (as if checked unchanged), so a cancelled bulk check does not restart at once.
     */
    public CompletableFuture<Void> cancel() {
        RecheckPass current;
        synchronized (this) {
            priority.clear();
            current = pass;
            if (current == null) {
                return CompletableFuture.completedFuture(null);
            }
            current.cancelRequested = true;
            paused = false;
            if (current.run != null) {
                current.run.cancel();
            } else {
                executor.execute(() -> nextChunk(current));
            }
        }
        return current.finished;
    }

    /** Where the re-checker stands: its state, domains stored of its pass; when offline, when DNS is tried again. */
    public CheckEvent.Progress progress() {
        RecheckPass current = pass;
        int done = current != null ? current.done() : lastDone;
        return new CheckEvent.Progress(state, done, Math.max(done, lastTotal),
                state == RunState.OFFLINE ? offlineRetryAt : null);
    }

    public RunState state() {
        return state;
    }

    private void nextChunk(RecheckPass p) {
        try {
            startChunk(p);
        } catch (RuntimeException e) {
            LOG.warn("Background re-check stopped; it is retried at the next tick", e);
            synchronized (this) {
                if (p.run != null) {
                    p.run.cancel();
                }
                p.endChunk(true);
                finish(p, RunState.IDLE);
            }
        }
    }

    private void startChunk(RecheckPass p) {
        List<String> ids = new ArrayList<>();
        synchronized (this) {
            if (p != pass || p.run != null) {
                return;
            }
            if (p.cancelRequested) {
                finishCancelled(p);
                return;
            }
            if (waiting()) {
                return;
            }
            Instant now = clock.instant();
            int size = state == RunState.OFFLINE ? 1 : chunkSize;
            for (Iterator<String> it = priority.iterator(); it.hasNext() && ids.size() < size; ) {
                ids.add(it.next());
                it.remove();
            }
            if (ids.size() < size && holdLease()) {
                for (String id : store.claimDue(now, size - ids.size() + Math.max(0, p.unresolved()))) {
                    if (ids.size() < size && !p.attempted(id) && !ids.contains(id)) {
                        ids.add(id);
                    }
                }
            }
            if (ids.isEmpty()) {
                finish(p, state == RunState.OFFLINE ? RunState.OFFLINE : RunState.IDLE);
                return;
            }
            lastTotal = p.done() + ids.size() + Math.max(priority.size(), store.countDue(now) - ids.size());
            p.beginChunk(ids);
            p.run = checks.start(ids, p);
            p.run.done().whenCompleteAsync((outcome, error) -> chunkDone(p, outcome, error), executor);
        }
        emitProgress();
    }

    private void chunkDone(RecheckPass p, CheckSummary outcome, Throwable error) {
        synchronized (this) {
            boolean interrupted = p.cancelRequested || p.stopped || waiting() || p.closing;
            boolean offline = outcome != null && outcome.offline() && !interrupted;
            p.endChunk(offline);
            if (error != null && !interrupted) {
                LOG.warn("A background re-check failed; its domains are retried at the next tick", error);
            }
            if (offline) {
                Instant now = clock.instant();
                offlineRetryAt = now.plus(RecheckPolicy.offlineGap(offlineAttempts++));
                LOG.info("No DNS server answers; trying again at {}", offlineRetryAt);
                finish(p, RunState.OFFLINE);
                return;
            }
            if (outcome != null && state == RunState.OFFLINE && !interrupted) {
                LOG.info("DNS answers again; resuming the schedule");
                offlineAttempts = 0;
                offlineRetryAt = null;
                state = RunState.RUNNING;
            }
            if (p.closing) {
                finish(p, RunState.IDLE);
                return;
            }
            if (error != null && !interrupted) {
                finish(p, RunState.IDLE);
                return;
            }
            if ((p.stopped || waiting()) && !p.cancelRequested) {
                p.stopped = false;
                p.releaseUnstored();
                if (waiting()) {
                    return; // resume or release carries on
                }
            }
        }
        nextChunk(p);
    }

    /** True while this process may re-check due records; a store that cannot say is taken as a no. */
    private boolean holdLease() {
        try {
            leaseHeld = lease.hold();
        } catch (RuntimeException e) {
            LOG.debug("Could not renew the re-check lease", e);
            leaseHeld = false;
        }
        return leaseHeld;
    }

    private void finishCancelled(RecheckPass p) {
        Instant now = clock.instant();
        try {
            RecheckPass.deferDue(store, new RecheckPolicy(settings.get()), store.dueDomains(now, Integer.MAX_VALUE), now);
        } catch (RuntimeException e) {
            LOG.warn("Could not defer the cancelled records; they stay due", e);
        }
        finish(p, RunState.CANCELLED);
    }

    private void finish(RecheckPass p, RunState endState) {
        try {
            store.releaseClaims();
        } catch (RuntimeException e) {
            LOG.debug("Could not give up this process's claims; they expire by themselves", e);
        }
        synchronized (this) {
            lastDone = p.done();
            lastTotal = Math.max(lastTotal, lastDone);
            pass = null;
            state = paused ? RunState.PAUSED : endState;
        }
        emitProgress();
        p.finished.complete(null);
    }

    private void onStored(CheckEvent.Stored batch) {
        listeners.forEach(l -> safely(() -> l.on(batch)));
        emitProgress();
    }

    private void emitProgress() {
        CheckEvent.Progress p = progress();
        listeners.forEach(l -> safely(() -> l.on(p)));
    }

    private static void safely(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("A scheduler listener failed", e);
        }
    }

    /** Stops the pass in flight (what it stored stays; the rest stays due for the next start) and the timer. */
    @Override
    public void close() {
        RecheckPass current;
        synchronized (this) {
            closed = true;
            current = pass;
            if (current != null) {
                current.closing = true;
                if (current.run != null) {
                    current.run.cancel();
                } else {
                    finish(current, RunState.IDLE);
                }
            }
        }
        if (current != null) {
            try {
                current.finished.get(10, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                LOG.warn("The last re-check did not stop within 10 s");
            } catch (Exception e) {
                LOG.debug("Re-check ended with an error while closing", e);
            }
        }
        ScheduledFuture<?> started = timer;
        if (started != null) {
            started.cancel(false);
        }
        if (ownsExecutor) {
            executor.shutdownNow();
        }
        if (!leaseHeld) {
            return;
        }
        try {
            lease.release();
        } catch (RuntimeException e) {
            LOG.debug("Could not give up the re-check lease; it expires by itself", e);
        }
    }
}
