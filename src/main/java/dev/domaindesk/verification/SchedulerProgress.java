package dev.domaindesk.verification;

import java.time.Instant;

/**
 * Where the background re-checker stands.
 *
 * @param done        domains checked and stored in the current (or last) pass
 * @param total       domains the pass expects to check (grows when "check now" adds some)
 * @param nextAttempt when offline: when DNS is tried again; otherwise null
 */
public record SchedulerProgress(SchedulerState state, int done, int total, Instant nextAttempt) {
}
