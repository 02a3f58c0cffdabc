package dev.domaindesk.app;

import dev.domaindesk.concurrent.BackgroundThreads;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The app's own threads for H2, DNS, files and HTTP: background threads (see BackgroundThreads), bounded, shut down
 * once, on exit; services receive them by constructor. One per process: the window's composition root and its
 * {@link AppContext} share it.
 */
public final class BackgroundExecutors implements AutoCloseable {
    /** jSPF blocks a thread per evaluation; two keep SPF records from holding up the rest of a check. */
    private static final int SPF_THREADS = 2;
    /** The upper bound of {@code api.parallelism}. */
    private static final int SYNC_DOWNLOADS = 16;
    /**
     * Check runs storing their results at once (each run has one writer for its whole length): a window's check, the
     * re-checker's chunk, serve's checks. A run beyond them stores once one ends; its DNS side waits meanwhile.
     */
    private static final int CHECK_WRITERS = 4;
    private final ExecutorService io;
    private final Executor batchDelay;
    private final ExecutorService spf;
    private final ExecutorService checkStore;
    private final ExecutorService checkLoad;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService downloads;
    /** Pools made on demand (serve's), shut down with the rest. */
    private final List<ExecutorService> owned = new CopyOnWriteArrayList<>();

    public BackgroundExecutors(int threads, long batchDelayMillis) {
        this.io = Executors.newFixedThreadPool(threads, BackgroundThreads.numbered("domaindesk-io"));
        this.batchDelay = CompletableFuture.delayedExecutor(batchDelayMillis, TimeUnit.MILLISECONDS, io);
        this.spf = BackgroundThreads.bounded("domaindesk-spf", SPF_THREADS);
        this.checkStore = BackgroundThreads.bounded("domaindesk-check-store", CHECK_WRITERS);
        this.checkLoad = BackgroundThreads.bounded("domaindesk-check-load", CHECK_WRITERS);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(BackgroundThreads.named("domaindesk-scheduler"));
        this.downloads = BackgroundThreads.bounded("sync-records", SYNC_DOWNLOADS);
    }

    /** Where a sync downloads records ({@code api.parallelism} at once, at most 16). */
    public Executor downloads() {
        return downloads;
    }

    /** The background re-checker's one thread: its timer and its state changes. */
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** Where SPF evaluations of every check run wait for their DNS answers. */
    public Executor spf() {
        return spf;
    }

    /** Where each check run's one writer stores its results. */
    public Executor checkStore() {
        return checkStore;
    }

    /** Where each check run reads its records, a little ahead of its checks. */
    public Executor checkLoad() {
        return checkLoad;
    }

    /** Where blocking work runs. */
    public Executor io() {
        return io;
    }

    /** Runs a task after the batching delay (used to apply streamed results in batches). */
    public Executor batchDelay() {
        return batchDelay;
    }

    /** Takes {@code pool} over: it is shut down with the others (serve's connection and worker pools). */
    public ExecutorService own(ExecutorService pool) {
        owned.add(pool);
        return pool;
    }

    @Override
    public void close() {
        io.shutdownNow();
        spf.shutdownNow();
        // never interrupted: an interrupt inside an H2 write closes the store's file channel under it; the store's
        // close waits for the transaction under way instead (StopIT)
        checkStore.shutdown();
        checkLoad.shutdown();
        scheduler.shutdownNow();
        downloads.shutdownNow();
        owned.forEach(ExecutorService::shutdownNow);
    }
}
