package dev.domaindesk.app;

import java.time.Duration;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * What a command stopped by Ctrl+C or SIGTERM closes before its JVM exits: the store, so it is sealed and handed to
 * the next process in order. Otherwise H2's own exit hook (which the shared store cannot turn off, decision 0011)
 * closes it at the same moment as every other hook, under a write still running, and leaves the seal unwritten.
 */
public final class StopActions {
    private static final Deque<AutoCloseable> ACTIONS = new ConcurrentLinkedDeque<>();
    private static volatile boolean stopping;

    private StopActions() {
    }

    /** Registers {@code action}; one registered once the stop began (a store still opening then) closes at once. */
    public static void register(AutoCloseable action) {
        ACTIONS.push(action);
        if (stopping) {
            closeAll();
        }
    }

    public static void unregister(AutoCloseable action) {
        ACTIONS.remove(action);
    }

    /** Closes what is registered, newest first, giving up after {@code patience} (the exit then goes ahead). */
    public static void runAll(Duration patience) {
        stopping = true;
        Thread closing = new Thread(StopActions::closeAll, "domaindesk-stop");
        closing.setDaemon(true);
        closing.start();
        try {
            closing.join(patience.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeAll() {
        for (AutoCloseable a; (a = ACTIONS.poll()) != null; ) {
            try {
                a.close();
            } catch (Exception e) {
                // stopping anyway; what was committed is in the store
            }
        }
    }
}
