package dev.domaindesk.store;

import dev.domaindesk.concurrent.BackgroundThreads;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells when another process changed the store: the store's change counter ({@code store_change}) is read every
 * two seconds, and a count this process did not make calls the listeners (on this class's own thread). Polling
 * a one-row table costs a query every two seconds; H2 has no notification across processes.
 */
public final class StoreChanges implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StoreChanges.class);
    public static final Duration EVERY = Duration.ofSeconds(2);

    private final Database db;
    private final Duration every;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService poller;
    private boolean closed;

    public StoreChanges(Database db) {
        this(db, EVERY);
    }

    StoreChanges(Database db, Duration every) {
        this.db = db;
        this.every = every;
    }

    /** Calls {@code changed} after each poll that found another process's changes; polling starts with the first. */
    public synchronized void addListener(Runnable changed) {
        listeners.add(changed);
        if (poller == null && !closed) {
            poller = Executors.newSingleThreadScheduledExecutor(BackgroundThreads.named("domaindesk-store-changes"));
            poller.scheduleWithFixedDelay(this::poll, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Looks once: true (and the listeners told) when another process changed the store since the last look. The
     * count is read in this process's turn: a transaction of its own counts itself, commits and then notes its count,
     * and a look between its commit and that note took its change for another process's (a window then reloaded
     * the domain list in the middle of a check and showed a batch of results as they were before it).
     */
    public boolean poll() {
        try {
            boolean elsewhere;
            db.turn().lock();
            try {
                elsewhere = db.changes().changedElsewhere(db.changes().read(db));
            } finally {
                db.turn().unlock();
            }
            if (!elsewhere) {
                return false;
            }
        } catch (StoreException e) {
            LOG.debug("Could not read the store's change counter; trying again in {}", every, e);
            return false;
        }
        for (Runnable l : listeners) {
            try {
                l.run();
            } catch (RuntimeException e) {
                LOG.warn("A store change listener failed", e);
            }
        }
        return true;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (poller != null) {
            poller.shutdownNow();
        }
    }
}
