package dev.domaindesk.app;

import dev.domaindesk.concurrent.BackgroundThreads;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** The app's own threads for H2, DNS and files: background threads (see BackgroundThreads), shut down on exit. */
public final class BackgroundExecutors implements AutoCloseable {
    private final ExecutorService io;
    private final Executor batchDelay;

    public BackgroundExecutors(int threads, long batchDelayMillis) {
        this.io = Executors.newFixedThreadPool(threads, BackgroundThreads.numbered("domaindesk-io"));
        this.batchDelay = CompletableFuture.delayedExecutor(batchDelayMillis, TimeUnit.MILLISECONDS, io);
    }

    /** Where blocking work runs. */
    public Executor io() {
        return io;
    }

    /** Runs a task after the batching delay (used to apply streamed results in batches). */
    public Executor batchDelay() {
        return batchDelay;
    }

    @Override
    public void close() {
        io.shutdownNow();
    }
}
