package dev.domaindesk.verification.ui;

import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Counted;
import dev.domaindesk.domains.DomainService;
import dev.domaindesk.ui.CheckFeed;
import dev.domaindesk.ui.RelativeTime;
import dev.domaindesk.ui.RunOutcome;
import dev.domaindesk.domains.CheckState;
import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import dev.domaindesk.ui.UiTasks;
import dev.domaindesk.verification.CheckEvent;
import dev.domaindesk.verification.RunState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
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
    /** The manual run under way or last ended: its domains, its records checked, whether it was cancelled. */
    private int runDomains;
    private int runRecords;
    private boolean cancelRequested;
    private String ended = "";
    private List<SummaryPart> endedParts = List.of();
    private final RunOutcome outcome;
    private final ObservableList<SummaryPart> summary = FXCollections.observableArrayList();

    /** One part of the last run's summary ("2 newly broken"): clicking it shows those domains alone. */
    public record SummaryPart(RunOutcome.Kind kind, int count) {
        public String text() {
            return count + " " + kind.label();
        }
    }
    public StatusBarViewModel(WindowChecks runner, DomainService domains, UiTasks tasks, Clock clock, CheckFeed feed) {
        this(runner, domains, tasks, clock, feed, new RunOutcome());
    }

    /** @param outcome what the run did to each domain, recorded by the domain list (which knows each one's status before) */
    public StatusBarViewModel(WindowChecks runner, DomainService domains, UiTasks tasks, Clock clock, CheckFeed feed,
                              RunOutcome outcome) {
        this.runner = runner;
        this.outcome = outcome;
        this.domains = domains;
        this.tasks = tasks;
        this.clock = clock;
        runner.runningProperty().addListener((obs, old, now) -> {
            if (now) {
                runDomains = runner.totalProperty().get();
                runRecords = 0;
                cancelRequested = false;
                ended = "";
                endedParts = List.of();
            } else {
                ended = endNote();
            }
            show();
        });
        feed.addListener((changed, records) -> {
            if (runner.runningProperty().get()) {
                for (DnsRecord r : records) {
                    runRecords += r.checkState() == CheckState.UNCHECKED ? 0 : 1;
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
            if (!summary.isEmpty()) {
                summary.clear();
            }
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
        List<SummaryPart> parts = bg.state() == RunState.IDLE && problem.isEmpty() ? endedParts : List.of();
        if (!summary.equals(parts)) {
            summary.setAll(parts);
        }
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

    /**
     * What the run just ended did, in domains (the list's unit, so each part can filter it): "Check finished at 13:12:
     * 26 domains, 38 records:" and the parts; a cancelled run says how far it got and what it left unchecked.
     */
    private String endNote() {
        String at = TIME.format(clock.instant().atZone(zone()));
        int checked = outcome.size() - outcome.count(RunOutcome.Kind.NOT_CHECKED);
        List<SummaryPart> parts = new ArrayList<>();
        for (RunOutcome.Kind k : RunOutcome.Kind.values()) {
            int n = outcome.count(k);
            if (k != RunOutcome.Kind.NOT_CHECKED || n > 0) {
                parts.add(new SummaryPart(k, n));
            }
        }
        endedParts = List.copyOf(parts);
        String records = Counted.of(runRecords, "record");
        return cancelRequested
                ? "Check cancelled at " + at + " after " + checked + " of " + Counted.of(outcome.size(), "domain")
                + " (" + records + "):"
                : "Check finished at " + at + ": " + Counted.of(outcome.size(), "domain") + ", " + records + ":";
    }

    /** The last run's summary, one part per kind of result (empty while a run is under way or none ended). */
    public ObservableList<SummaryPart> summary() {
        return summary;
    }

    /** Shows the domains of one part of the summary alone in the list. */
    public void showOnly(RunOutcome.Kind kind) {
        outcome.shownProperty().set(kind);
    }

    /** The part of the summary the list shows alone (null: none). */
    public ObjectProperty<RunOutcome.Kind> shownProperty() {
        return outcome.shownProperty();
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
