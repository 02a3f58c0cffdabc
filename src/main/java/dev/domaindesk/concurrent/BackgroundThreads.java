package dev.domaindesk.concurrent;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every background thread of DomainDesk (H2, DNS, files, the scheduler, sync downloads): a named daemon that logs
 * what it throws, so a thread dump or a log line says whose thread it is. In the window they run at a lower CPU
 * priority ({@link BackgroundPriority}).
 */
public final class BackgroundThreads {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundThreads.class);

    private BackgroundThreads() {
    }

    /** Threads named {@code prefix-1}, {@code prefix-2}, … */
    public static ThreadFactory numbered(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> start(task, prefix + "-" + count.incrementAndGet());
    }

    /** Threads all named {@code name}. */
    public static ThreadFactory named(String name) {
        return task -> start(task, name);
    }

    /**
     * At most {@code threads} threads named {@code name}, the tasks beyond them queued. Idle threads end after 30 s,
     * so a pool nobody shuts down (a service built without its owner, in tests) leaves no thread behind.
     */
    public static ExecutorService bounded(String name, int threads) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), named(name));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private static Thread start(Runnable task, String name) {
        Thread t = new Thread(() -> {
            BackgroundPriority.threadStarted();
            task.run();
        }, name);
        t.setDaemon(true);
        t.setUncaughtExceptionHandler((thread, e) -> LOG.error("Uncaught exception in {}", thread.getName(), e));
        return t;
    }
}
