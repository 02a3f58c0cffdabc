package dev.domaindesk.verification.ui;

import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.ui.Batcher;
import dev.domaindesk.ui.CheckFeed;
import dev.domaindesk.ui.UiTasks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The window's one manual check run at a time (Check now, Check all): state, progress, and results batched
 * into the {@link CheckFeed}. Results of a superseded run are dropped by generation.
 */
public final class ManualCheck {
    private sealed interface Event permits Started, Progress, Stored, Finished {
    }

    private record Started(long generation, List<String> domainIds) implements Event {
    }

    private record Progress(long generation, int done, int total) implements Event {
    }

    private record Stored(long generation, List<Domain> domains, List<DnsRecord> records) implements Event {
    }

    private record Finished(long generation, Throwable failure, boolean offline) implements Event {
    }

    private final CheckLauncher launcher;
    private final CheckFeed feed;
    private final Batcher<Event> batcher;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyIntegerWrapper done = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper offline = new ReadOnlyBooleanWrapper();
    private long generation;
    private CheckLauncher.Handle handle;

    /** @param delayed runs a task after the batching delay (e.g. 150 ms); tests pass {@code Runnable::run} */
    public ManualCheck(CheckLauncher launcher, CheckFeed feed, Executor delayed, UiTasks tasks) {
        this.launcher = launcher;
        this.feed = feed;
        this.batcher = new Batcher<>(delayed, tasks.fxExecutor(), this::apply);
    }

    /** Starts a run unless one is under way; returns false when it did not start. FX thread. */
    public boolean start(Collection<String> domainIds) {
        if (running.get() || domainIds.isEmpty()) {
            return false;
        }
        long gen = ++generation;
        problem.set("");
        done.set(0);
        total.set(domainIds.size());
        running.set(true); // last: whoever sees it running sees the run's total (not an indeterminate 0 of 0)
        List<String> ids = List.copyOf(domainIds);
        // the "checking" badges come with the first batch, not in the key press's frame: that frame already shows
        // the status bar's progress and Check now's "Checking…" (docs/decisions/0008-spread-work-over-frames.md)
        batcher.offer(new Started(gen, ids));
        handle = launcher.start(ids, new CheckLauncher.Events() {
            @Override
            public void progress(int d, int t) {
                batcher.offer(new Progress(gen, d, t));
            }

            @Override
            public void stored(List<Domain> domains, List<DnsRecord> records) {
                batcher.offer(new Stored(gen, domains, records));
            }

            @Override
            public void finished(Throwable failure, boolean offline) {
                batcher.offer(new Finished(gen, failure, offline));
            }
        });
        return true;
    }

    public void cancel() {
        if (handle != null && running.get()) {
            handle.cancel();
        }
    }

    private void apply(List<Event> events) {
        List<Domain> domains = new ArrayList<>();
        List<DnsRecord> records = new ArrayList<>();
        Finished finished = null;
        for (Event e : events) {
            if (e instanceof Started st && st.generation() == generation) {
                feed.startChecking(st.domainIds());
            } else if (e instanceof Progress p && p.generation() == generation) {
                total.set(p.total());
                done.set(p.done());
            } else if (e instanceof Stored s && s.generation() == generation) {
                domains.addAll(s.domains());
                records.addAll(s.records());
            } else if (e instanceof Finished f && f.generation() == generation) {
                finished = f;
            }
        }
        if (!domains.isEmpty() || !records.isEmpty()) {
            feed.publish(domains, records);
        }
        if (finished != null) {
            running.set(false);
            feed.stopChecking();
            handle = null;
            offline.set(finished.offline());
            if (finished.offline()) {
                problem.set("No DNS server answered: nothing was marked missing. Check the network or the resolvers.");
            } else if (finished.failure() != null) {
                problem.set("The check stopped: " + UiTasks.describe(finished.failure()));
            }
        }
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    /** True when the last run found no DNS server answering. */
    public ReadOnlyBooleanProperty offlineProperty() {
        return offline.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
