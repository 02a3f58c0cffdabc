package dev.domaindesk.app;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The app's own threads for H2, DNS and files: named daemons that log uncaught exceptions, shut down on exit. */
public final class BackgroundExecutors implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundExecutors.class);

    private final ExecutorService io;
    private final Executor batchDelay;

    public BackgroundExecutors(int threads, long batchDelayMillis) {
        this.io = Executors.newFixedThreadPool(threads, named("domaindesk-io"));
        this.batchDelay = CompletableFuture.delayedExecutor(batchDelayMillis, TimeUnit.MILLISECONDS, io);
    }

    static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + count.incrementAndGet());
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((thread, e) -> LOG.error("Uncaught exception in {}", thread.getName(), e));
            return t;
        };
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
