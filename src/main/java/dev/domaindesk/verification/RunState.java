package dev.domaindesk.verification;

/** Where a check run, or the background re-checker, stands. */
public enum RunState {
    /** Nothing under way: not started yet, or the last run finished. */
    IDLE,
    /** Checking. */
    RUNNING,
    /** The re-checker was paused by the user; resume continues its pass. */
    PAUSED,
    /** Cancelled by the user; what was stored stays, the rest waits for its next turn. */
    CANCELLED,
    /** Stopped by an error (the store or the engine failed). */
    FAILED,
    /** No DNS server answered at all: nothing was marked missing. */
    OFFLINE;

    /** How a run that ended ended: {@code failure} wins, then cancelled, then offline. */
    public static RunState ended(CheckSummary summary, Throwable failure) {
        if (failure != null || summary == null) {
            return FAILED;
        }
        return summary.cancelled() ? CANCELLED : summary.offline() ? OFFLINE : IDLE;
    }
}
