package dev.domaindesk.verification.ui;

import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.ui.Batcher;
import dev.domaindesk.ui.CheckFeed;
import dev.domaindesk.ui.UiTasks;
import dev.domaindesk.verification.BackgroundChecks;
import dev.domaindesk.verification.CheckEvent;
import dev.domaindesk.verification.CheckRun;
import dev.domaindesk.verification.CheckStarter;
import dev.domaindesk.verification.RunState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Check runs as the window sees them: the one place their events reach the FX thread, in one batch at most every
 * delay. The window's one manual run at a time (Check now, Check all) with its state and progress; the background
 * re-checker's progress; every stored batch of either into the {@link CheckFeed}. Events of a superseded manual run
 * are dropped by generation.
 */
public final class WindowChecks {
    /** The generation of the background re-checker's events; manual runs count from 1. */
    private static final long BACKGROUND = 0;

    /** An event and the run it came from. */
    private record Heard(long generation, CheckEvent event) {
    }

    private final CheckStarter checks;
    private final BackgroundChecks background;
    private final CheckFeed feed;
    private final UiTasks tasks;
    private final Batcher<Heard> batcher;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyIntegerWrapper done = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper offline = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<CheckEvent.Progress> backgroundProgress =
            new ReadOnlyObjectWrapper<>(new CheckEvent.Progress(RunState.IDLE, 0, 0, null));
    private long generation;
    private CheckRun run;
    private boolean cancelRequested;
    /** The domains of the run just started: marked as being checked with its first batch. */
    private List<String> starting;

    /** @param delayed runs a task after the batching delay (e.g. 150 ms); tests pass {@code Runnable::run} */
    public WindowChecks(CheckStarter checks, BackgroundChecks background, CheckFeed feed, Executor delayed,
                        UiTasks tasks) {
        this.checks = checks;
        this.background = background;
        this.feed = feed;
        this.tasks = tasks;
        this.batcher = new Batcher<>(delayed, tasks.fxExecutor(), this::apply);
        background.addListener(event -> batcher.offer(new Heard(BACKGROUND, event)));
    }

    /** Starts a run unless one is under way; returns false when it did not start. FX thread. */
    public boolean start(Collection<String> domainIds) {
        if (running.get() || domainIds.isEmpty()) {
            return false;
        }
        long gen = ++generation;
        List<String> ids = List.copyOf(domainIds);
        problem.set("");
        done.set(0);
        total.set(ids.size());
        cancelRequested = false;
        run = null;
        running.set(true); // last: whoever sees it running sees the run's total (not an indeterminate 0 of 0)
        // the "checking" badges come with the first batch, not in the key press's frame: that frame already shows
        // the status bar's progress and Check now's "Checking…" (docs/decisions/0008-spread-work-over-frames.md)
        starting = ids;
        batcher.offer(new Heard(gen, CheckEvent.Progress.running(0, ids.size())));
        tasks.run(() -> checks.start(ids, event -> batcher.offer(new Heard(gen, event))), started -> {
            if (gen == generation) {
                run = started;
                if (cancelRequested) {
                    started.cancel();
                }
            }
        }, failure -> batcher.offer(new Heard(gen, new CheckEvent.Finished(RunState.FAILED, null, failure))));
        return true;
    }

    public void cancel() {
        if (running.get()) {
            cancelRequested = true;
            if (run != null) {
                run.cancel();
            }
        }
    }

    /** When the background re-checker next has a record due (blocking: a store query). */
    public Optional<Instant> nextCheckAt() {
        return background.nextCheckAt();
    }

    private void apply(List<Heard> batch) {
        List<Domain> domains = new ArrayList<>();
        List<DnsRecord> records = new ArrayList<>();
        CheckEvent.Progress backgroundNow = null;
        CheckEvent.Finished finished = null;
        for (Heard heard : batch) {
            boolean manual = heard.generation() != BACKGROUND;
            if (manual && heard.generation() != generation) {
                continue;
            }
            if (manual && starting != null) {
                feed.startChecking(starting);
                starting = null;
            }
            if (heard.event() instanceof CheckEvent.Stored s) {
                domains.addAll(s.domains());
                records.addAll(s.records());
            } else if (heard.event() instanceof CheckEvent.Progress p && manual) {
                total.set(p.total());
                done.set(p.done());
            } else if (heard.event() instanceof CheckEvent.Progress p) {
                backgroundNow = p;
            } else if (heard.event() instanceof CheckEvent.Finished f && manual) {
                finished = f;
            }
        }
        if (!domains.isEmpty() || !records.isEmpty()) {
            feed.publish(domains, records);
        }
        if (backgroundNow != null) {
            backgroundProgress.set(backgroundNow);
        }
        if (finished != null) {
            running.set(false);
            feed.stopChecking();
            run = null;
            offline.set(finished.offline());
            if (finished.offline()) {
                problem.set("No DNS server answered: nothing was marked missing. Check the network or the resolvers.");
            } else if (finished.failure() != null) {
                problem.set("The check stopped: " + UiTasks.describe(finished.failure()));
            }
        }
    }

    /** The manual run is under way (from the key press to its last batch applied). */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    /** True when the last manual run found no DNS server answering. */
    public ReadOnlyBooleanProperty offlineProperty() {
        return offline.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The background re-checker's state and how far its pass is (domains), as last heard. */
    public ReadOnlyObjectProperty<CheckEvent.Progress> backgroundProperty() {
        return backgroundProgress.getReadOnlyProperty();
    }
}
