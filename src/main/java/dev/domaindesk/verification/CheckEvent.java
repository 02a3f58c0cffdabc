package dev.domaindesk.verification;

import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import java.time.Instant;
import java.util.List;

/**
 * What a check run tells its {@link CheckListener}, in order: progress, stored batches, then once finished. The
 * background re-checker tells its listeners the same, for its passes (it never finishes: it goes back to idle).
 */
public sealed interface CheckEvent {

    /**
     * Where the run stands: {@code done} of {@code total} records with a verdict (for the re-checker, domains stored
     * in its pass); {@code retryAt} when offline, when DNS is tried again (else null).
     */
    record Progress(RunState state, int done, int total, Instant retryAt) implements CheckEvent {
        public static Progress running(int done, int total) {
            return new Progress(RunState.RUNNING, done, total, null);
        }
    }

    /** A batch of results was committed to the store: the domains with their new status, and their records. */
    record Stored(List<Domain> domains, List<DnsRecord> records) implements CheckEvent {
    }

    /** The run ended ({@code state} as {@link RunState#ended}); {@code summary} is null when it failed. */
    record Finished(RunState state, CheckSummary summary, Throwable failure) implements CheckEvent {
        public boolean offline() {
            return state == RunState.OFFLINE;
        }
    }
}
