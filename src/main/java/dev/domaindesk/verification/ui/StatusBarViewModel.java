package dev.domaindesk.verification.ui;

import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Counted;
import dev.domaindesk.domains.DomainService;
import dev.domaindesk.ui.CheckFeed;
import dev.domaindesk.ui.RelativeTime;
import dev.domaindesk.ui.UiTasks;
import dev.domaindesk.verification.CheckEvent;
import dev.domaindesk.verification.RunState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The status bar: the manual check's progress, the background re-checker's state, offline, next check. */
public final class StatusBarViewModel {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final WindowChecks runner;
    private final DomainService domains;
    private final UiTasks tasks;
    private final Clock clock;
    private final ReadOnlyStringWrapper activity = new ReadOnlyStringWrapper("Ready");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper offline = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper nextCheck = new ReadOnlyStringWrapper("");
    /** The manual run under way or last ended: its domains, what its results said, whether it was cancelled. */
    private int runDomains;
    private int runVerified;
    private int runProblems;
    private int runErrors;
    private boolean cancelRequested;
    private String ended = "";

    public StatusBarViewModel(WindowChecks runner, DomainService domains, UiTasks tasks, Clock clock, CheckFeed feed) {
        this.runner = runner;
        this.domains = domains;
        this.tasks = tasks;
        this.clock = clock;
        runner.runningProperty().addListener((obs, old, now) -> {
            if (now) {
                runDomains = runner.totalProperty().get();
                runVerified = runProblems = runErrors = 0;
                cancelRequested = false;
                ended = "";
            } else {
                ended = summary();
            }
            show();
        });
        feed.addListener((changed, records) -> {
            if (runner.runningProperty().get()) {
                for (DnsRecord r : records) {
                    switch (r.checkState()) {
                        case VERIFIED -> runVerified++;
                        case MISSING, MISMATCH -> runProblems++;
                        case DNS_ERROR -> runErrors++;
                        case UNCHECKED -> { }
                    }
                }
            }
        });
        runner.doneProperty().addListener((obs, old, now) -> show());
        runner.totalProperty().addListener((obs, old, now) -> show());
        runner.problemProperty().addListener((obs, old, now) -> show());
        runner.offlineProperty().addListener((obs, old, now) -> show());
        runner.backgroundProperty().addListener((obs, old, now) -> show());
        show();
    }

    private void show() {
        CheckEvent.Progress bg = runner.backgroundProperty().get();
        offline.set(bg.state() == RunState.OFFLINE || runner.offlineProperty().get());
        if (runner.runningProperty().get()) {
            int total = runner.totalProperty().get();
            int done = runner.doneProperty().get();
            // one unit: records; until the first progress the total is the run's domains, so no count is shown
            activity.set(done == 0 && total == runDomains ? "Checking " + Counted.of(runDomains, "domain") + "…"
                    : "Checking: " + done + " of " + total + " records…");
            progress.set(total == 0 ? -1 : runner.doneProperty().get() / (double) total);
            busy.set(true);
            return;
        }
        busy.set(bg.state() == RunState.RUNNING);
        progress.set(bg.total() == 0 ? 0 : bg.done() / (double) bg.total());
        String problem = runner.problemProperty().get();
        activity.set(switch (bg.state()) {
            case RUNNING -> "Background check: " + bg.done() + " of " + bg.total() + " domains";
            case PAUSED -> "Background checks paused";
            case CANCELLED -> "Background check cancelled";
            case OFFLINE -> "Offline: no DNS server answers" + (bg.retryAt() == null ? ""
                    : "; retrying at " + TIME.format(bg.retryAt().atZone(zone())));
            case IDLE, FAILED -> !problem.isEmpty() ? problem : ended.isEmpty() ? "Ready" : ended;
        });
    }

    /** Re-reads when the next background check is due (called now and then by the view). */
    public void refreshNextCheck() {
        tasks.run(runner::nextCheckAt, this::showNext, e -> nextCheck.set(""));
    }

    private void showNext(Optional<Instant> next) {
        Instant now = clock.instant();
        nextCheck.set(next.map(t -> t.isAfter(now) ? "Next check " + RelativeTime.in(now, t) : "Next check: due now")
                .orElse("No checks scheduled"));
    }

    /** Ctrl+Shift+F5: checks every domain now. */
    public void checkAll() {
        if (!runner.runningProperty().get()) {
            tasks.run(domains::ids, runner::start,
                    e -> activity.set("Could not read the domains: " + UiTasks.describe(e)));
        }
    }

    public void cancel() {
        cancelRequested = true;
        runner.cancel();
    }

    /** What the run just ended found, in one line (it stays until the next run). */
    private String summary() {
        String found = runVerified + " verified · " + runProblems + " with problems · " + runErrors + " couldn't check";
        return (cancelRequested ? "Check cancelled after " : "Check finished: ") + Counted.of(runVerified + runProblems
                + runErrors, "record") + (cancelRequested ? "" : " checked") + " (" + found + ") at "
                + TIME.format(clock.instant().atZone(zone()));
    }

    private ZoneId zone() {
        return clock.getZone();
    }

    public ReadOnlyStringProperty activityProperty() {
        return activity.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty offlineProperty() {
        return offline.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nextCheckProperty() {
        return nextCheck.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty manualRunningProperty() {
        return runner.runningProperty();
    }
}
