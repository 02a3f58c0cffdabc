package dev.domaindesk.verification;

import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The engine's bulk check, as the scheduler needs it: start a run over domains, learn what was stored. */
public interface BulkChecker {

    /** Starts checking {@code domainIds}; results are stored by the engine and reported to {@code sink}. */
    Run start(Collection<String> domainIds, Sink sink);

    /** A running check. */
    interface Run {
        /** Completes when the run ends (also after {@link #cancel()}). */
        CompletableFuture<Outcome> done();

        void cancel();
    }

    /** What the scheduler hears while a run goes on; called from the engine's threads. */
    interface Sink {
        /** The schedule that due times of the stored records follow; null: the one in the settings. */
        default RecheckPolicy policy() {
            return null;
        }

        /** A batch of results was committed: the domains as they now stand and their checked records. */
        void stored(List<Domain> domains, List<DnsRecord> records);
    }

    /**
     * How a run ended.
     *
     * @param networkDown true when every query failed at the network level (no DNS server answered at all)
     */
    record Outcome(int domains, int records, boolean networkDown) {
    }
}
