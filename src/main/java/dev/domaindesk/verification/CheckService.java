package dev.domaindesk.verification;

import dev.domaindesk.concurrent.BackgroundThreads;
import dev.domaindesk.domains.CheckSession;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainRepository;
import dev.domaindesk.settings.SettingsRepository;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks domains' records against real DNS and stores the verdicts. Plain Java, shared by the window, the
 * scheduler and the command line. Each {@link #start} is an independent run with its own DNS client.
 */
public final class CheckService implements CheckStarter {
    private static final Logger LOG = LoggerFactory.getLogger(CheckService.class);
    private static final int FEW = 50;
    /** For services built without the app's executors (tests, tools): their idle threads end by themselves. */
    private static final Executor UNOWNED_SPF = BackgroundThreads.bounded("domaindesk-spf", 2);
    private static final Executor UNOWNED_WRITERS = BackgroundThreads.bounded("domaindesk-check-store", 4);
    private static final Executor UNOWNED_LOADERS = BackgroundThreads.bounded("domaindesk-check-load", 4);

    private final DomainRepository repository;
    private final SettingsRepository settings;
    private final Clock clock;
    private final int authoritativePort;
    private final Runnable afterEachRun;
    private final Executor spf;
    private final Executor writers;
    private final Executor loaders;
    /** Runs not ended yet. */
    private final Set<CheckRunner> live = ConcurrentHashMap.newKeySet();
    private static final int CLOSE_WAIT_SECONDS = 10;

    public CheckService(DomainRepository repository, SettingsRepository settings, Clock clock) {
        this(repository, settings, clock, 53, () -> { });
    }

    /** {@code authoritativePort}: where authoritative servers listen (53; tests point it at their own server). */
    public CheckService(DomainRepository repository, SettingsRepository settings, Clock clock, int authoritativePort) {
        this(repository, settings, clock, authoritativePort, () -> { });
    }

    /**
     * {@code afterEachRun}: housekeeping after each run's results are stored (pruning history), on the run's writer
     * thread, so never on the caller's; its failure is logged and changes no run's outcome.
     */
    public CheckService(DomainRepository repository, SettingsRepository settings, Clock clock, int authoritativePort,
                        Runnable afterEachRun) {
        this(repository, settings, clock, authoritativePort, afterEachRun, UNOWNED_SPF, UNOWNED_WRITERS, UNOWNED_LOADERS);
    }

    /**
     * {@code spf}: where every run's SPF evaluations block on their DNS answers; {@code writers}: where each run's one
     * writer stores its results for as long as the run lasts; {@code loaders}: where each run reads its records (all
     * the app's, shut down by it without interrupting: an interrupt inside an H2 read or write closes the store's file).
     */
    public CheckService(DomainRepository repository, SettingsRepository settings, Clock clock, int authoritativePort,
                        Runnable afterEachRun, Executor spf, Executor writers, Executor loaders) {
        this.spf = spf;
        this.writers = writers;
        this.loaders = loaders;
        this.repository = repository;
        this.settings = settings;
        this.clock = clock;
        this.authoritativePort = authoritativePort;
        this.afterEachRun = afterEachRun;
    }

    /** The options in the stored settings (resolvers, timeout, queries in flight), read now. */
    public CheckOptions storedOptions() {
        return CheckSettings.read(settings);
    }

    /** Starts checking the given domains with the options in the stored settings. */
    @Override
    public CheckRun start(Collection<String> domainIds, CheckListener listener) {
        return start(domainIds, storedOptions(), listener);
    }

    /**
     * Starts checking every record of the given domains (unknown ids are skipped). Results are stored in batches,
     * one transaction each, each record with its next due time (so a manual check also moves the background
     * schedule on; DNS errors keep theirs, the scheduler decides on those); {@code listener} hears progress and
     * each stored batch. Returns once the domains are read; their records are read while the first are checked, and
     * should that read fail, the run ends with its failure once the domains already started are stored.
     */
    public CheckRun start(Collection<String> domainIds, CheckOptions options, CheckListener listener) {
        return start(domainIds, options, null, listener);
    }

    /** The same, with the due times following {@code schedule} (null: the schedule in the settings). */
    public CheckRun start(Collection<String> domainIds, CheckOptions options, RecheckPolicy schedule,
                          CheckListener listener) {
        List<Domain> domains = load(new LinkedHashSet<>(domainIds));
        LOG.info("Checking {} domains", domains.size());
        RecheckPolicy policy = schedule != null ? schedule : new RecheckPolicy(ScheduleSettings.load(settings));
        CheckListener events = listener == null ? CheckListener.NONE : listener;
        CheckSession session = repository.checkSession();
        CheckRunner run = new CheckRunner(session, clock, options, authoritativePort, policy, events, afterEachRun, spf,
                writers);
        // the first domains' questions go out while the rest of the records load, on a thread of the run's own: the
        // load keeps only a little ahead of the checks (CheckRunner#loaded), so the caller does not wait for it
        live.add(run);
        run.done().whenComplete((summary, failure) -> live.remove(run));
        run.start(domains, () -> {
            try {
                loaders.execute(() -> loadRecords(session, domains, run));
            } catch (RejectedExecutionException closing) {
                run.loadFailed(new IllegalStateException("the app is closing", closing)); // ends the run; nothing read
                run.allLoaded();
            }
        });
        // after the last Stored: the writer completes done() only once every batch was reported
        run.done().whenComplete((summary, failure) -> {
            try {
                events.on(new CheckEvent.Finished(RunState.ended(summary, failure), summary, failure));
            } catch (RuntimeException e) {
                LOG.warn("A check listener failed", e);
            }
        });
        return run;
    }

    private static void loadRecords(CheckSession session, List<Domain> domains, CheckRunner run) {
        try {
            session.recordsOf(domains.stream().map(Domain::id).toList(), (id, records) -> {
                if (!run.loaded(id, records)) {
                    throw new StopReading();
                }
            });
        } catch (StopReading stopped) {
            // cancelled or ended: the rest is not needed
        } catch (RuntimeException | Error e) {
            LOG.warn("Reading the records to check failed: {}", e.toString());
            run.loadFailed(e); // domains already started still end and are stored; the run then ends with the failure
        } finally {
            run.allLoaded(); // the run ends (cancelled: counting the rest as resolved) whatever the load did
        }
    }

    /** Ends a run's read of its records early (the read's transaction then ends, and its connection is free). */
    private static final class StopReading extends RuntimeException {
        StopReading() {
            super("check run stopped", null, false, false);
        }
    }

    /**
     * Cancels the runs still going and waits (a few seconds at most) until they end: their loaders hold connections
     * that would keep the store open after it is closed. Called as the app closes, before the store.
     */
    public void close() {
        List<CheckRunner> going = List.copyOf(live);
        going.forEach(CheckRunner::cancel);
        for (CheckRunner run : going) {
            try {
                run.done().get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | TimeoutException e) {
                LOG.debug("A check run did not end cleanly while closing: {}", e.toString());
            }
        }
    }

    /** The domains with these ids, in the given order; one query for many, one per id for a few. */
    private List<Domain> load(Set<String> ids) {
        if (ids.size() <= FEW) {
            return ids.stream().map(repository::findById).flatMap(Optional::stream).toList();
        }
        Map<String, Domain> all = new HashMap<>();
        repository.findAll().forEach(d -> all.put(d.id(), d));
        return ids.stream().map(all::get).filter(java.util.Objects::nonNull).toList();
    }
}
