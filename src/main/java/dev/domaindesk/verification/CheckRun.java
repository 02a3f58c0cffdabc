package dev.domaindesk.verification;

import java.util.concurrent.CompletableFuture;

/** A running check: its state, its end, and a way to stop it. Its events go to the listener it was started with. */
public interface CheckRun {
    /** {@link RunState#RUNNING} until it ends, then how it ended ({@link RunState#ended}). */
    RunState state();

    /** Completes when every result is stored (or after {@link #cancel()}, with what was stored until then). */
    CompletableFuture<CheckSummary> done();

    /** Stops asking DNS; results already stored stay, unfinished domains are left as they were. */
    void cancel();
}
