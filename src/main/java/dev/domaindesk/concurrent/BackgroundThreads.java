package dev.domaindesk.concurrent;

import java.util.concurrent.ThreadFactory;
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
