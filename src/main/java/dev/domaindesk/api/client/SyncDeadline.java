package dev.domaindesk.api.client;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * How long a whole sync may take (setting {@code api.maxSyncSeconds}): its requests, retries and waits all count,
 * so a service that pages forever, or answers slowly forever, is left after that time with nothing changed.
 */
final class SyncDeadline {
    /** No limit: a single request (remote-check) has its own timeout. */
    static final SyncDeadline NONE = new SyncDeadline(null, 0);

    private final Duration limit;
    private final long endNanos;
    private volatile boolean cutShort;

    private SyncDeadline(Duration limit, long endNanos) {
        this.limit = limit;
        this.endNanos = endNanos;
    }

    static SyncDeadline after(Duration limit) {
        return new SyncDeadline(limit, System.nanoTime() + limit.toNanos());
    }

    boolean passed() {
        return limit != null && System.nanoTime() - endNanos >= 0;
    }

    /** {@code timeout}, or the time left when that is shorter (at least a millisecond). */
    Duration cap(Duration timeout) {
        if (limit == null) {
            return timeout;
        }
        long left = endNanos - System.nanoTime();
        return Duration.ofNanos(Math.max(1_000_000, Math.min(timeout.toNanos(), left)));
    }

    /** True when a wait of {@code wait} would end past the limit. */
    boolean cannotWait(Duration wait) {
        return limit != null && System.nanoTime() + wait.toNanos() - endNanos > 0;
    }

    /** Stops the sync when the time is up; {@code doing} says what it was doing then. */
    void check(Supplier<String> doing) {
        if (passed()) {
            throw stop(doing.get());
        }
    }

    /**
     * Stops the sync because a request that the limit had cut short ran out of time (the HTTP client's timer can fire
     * a moment before {@link #passed()} says so).
     */
    ApiException cutShort(String doing) {
        cutShort = true;
        return stop(doing);
    }

    /** The time ran out: the limit passed, or a request it cut short timed out. */
    boolean ranOut() {
        return cutShort || passed();
    }

    ApiException stop(String doing) {
        return new ApiException(ApiException.Kind.TIMEOUT, "the sync was stopped after " + ServiceClient.seconds(limit)
                + " (setting " + ClientSettings.MAX_SYNC_SECONDS + ") while " + doing + "; nothing was changed");
    }
}
