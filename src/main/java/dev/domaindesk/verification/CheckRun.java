package dev.domaindesk.verification;

import java.util.concurrent.CompletableFuture;

/** A running check. */
public interface CheckRun {
    /** Completes when every result is stored (or after {@link #cancel()}, with what was stored until then). */
    CompletableFuture<CheckSummary> done();

    /** Stops asking DNS; results already stored stay, unfinished domains are left as they were. */
    void cancel();
}
