package dev.domaindesk.verification;

/** What the background re-checker is doing. */
public enum SchedulerState {
    /** Nothing due is being checked. */
    IDLE,
    /** A pass over due (or "check now") domains is going on. */
    RUNNING,
    /** A pass was paused by the user; {@code resume()} continues it. */
    PAUSED,
    /** The last pass was cancelled by the user; the records it skipped wait for their next turn. */
    CANCELLED,
    /** No DNS server answered: nothing was marked missing, and the scheduler retries with a growing gap. */
    OFFLINE
}
