package dev.domaindesk.history.ui;

import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.history.HistoryEntry;
import dev.domaindesk.history.Timeline;
import dev.domaindesk.ui.UiTasks;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The history pane: the selected record's timeline ("since 12 Nov verified; 3 Nov–5 Nov missing") and the domain's
 * recent changes, newest first. Reloaded in the background when the domain or its records change (a check stored).
 */
public final class HistoryViewModel {
    static final int RECENT = 8;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

    private final ObservableValue<Domain> domain;
    private final ObservableList<DnsRecord> records;
    private final ObservableValue<DnsRecord> selected;
    private final HistorySource source;
    private final UiTasks tasks;
    private final Clock clock;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("History");
    private final ReadOnlyStringWrapper timeline = new ReadOnlyStringWrapper("");
    private final ObservableList<String> recent = FXCollections.observableArrayList();
    private final ObservableList<String> recentView = FXCollections.unmodifiableObservableList(recent);
    private Map<String, List<HistoryEntry>> byRecord = Map.of();
    private long generation;

    public HistoryViewModel(ObservableValue<Domain> domain, ObservableList<DnsRecord> records,
                            ObservableValue<DnsRecord> selected, HistorySource source, UiTasks tasks, Clock clock) {
        this.domain = domain;
        this.records = records;
        this.selected = selected;
        this.source = source;
        this.tasks = tasks;
        this.clock = clock;
        domain.addListener((obs, old, d) -> reload());
        records.addListener((ListChangeListener<DnsRecord>) c -> reload());
        selected.addListener((obs, old, r) -> showTimeline());
        reload();
    }

    /** Loads the domain's history in the background; an answer for a domain no longer shown is dropped. */
    public void reload() {
        Domain d = domain.getValue();
        long asked = ++generation;
        if (d == null) {
            show(Map.of());
            return;
        }
        String domainId = d.id();
        tasks.run(() -> source.ofDomain(domainId), entries -> {
            if (asked == generation) {
                show(entries.stream().collect(Collectors.groupingBy(HistoryEntry::recordId)));
            }
        }, e -> title.set("History: couldn't load (" + UiTasks.describe(e) + ")"));
    }

    private void show(Map<String, List<HistoryEntry>> entries) {
        byRecord = entries;
        List<String> lines = recentChanges();
        recent.setAll(lines);
        title.set(lines.isEmpty() ? "History: no changes recorded yet" : "History: last change " + lines.get(0));
        showTimeline();
    }

    private void showTimeline() {
        DnsRecord r = selected.getValue();
        if (r == null) {
            timeline.set("Select a record to see its timeline.");
            return;
        }
        List<Timeline.Span> spans = Timeline.spans(byRecord.getOrDefault(r.id(), List.of()), r.lastChecked());
        timeline.set(label(r) + ": " + Timeline.summary(spans, zone(), clock.instant()));
    }

    /** The newest changes across the domain's records: when, which record, what it became and what it was. */
    private List<String> recentChanges() {
        Map<String, DnsRecord> byId = new HashMap<>();
        records.forEach(r -> byId.put(r.id(), r));
        record Change(HistoryEntry entry, HistoryEntry before) {
        }
        List<Change> changes = new ArrayList<>();
        for (List<HistoryEntry> list : byRecord.values()) {
            List<HistoryEntry> sorted = list.stream().sorted(Comparator.comparing(HistoryEntry::since)).toList();
            for (int i = 0; i < sorted.size(); i++) {
                changes.add(new Change(sorted.get(i), i == 0 ? null : sorted.get(i - 1)));
            }
        }
        return changes.stream().sorted(Comparator.comparing((Change c) -> c.entry().since()).reversed()).limit(RECENT)
                .map(c -> WHEN.format(c.entry().since().atZone(zone())) + " · "
                        + (byId.containsKey(c.entry().recordId()) ? label(byId.get(c.entry().recordId())) : "a removed record")
                        + " · " + Timeline.word(c.entry().state())
                        + (c.before() == null ? " (first check)" : was(c.before().state())))
                .toList();
    }

    private static String label(DnsRecord r) {
        return r.recordType() + " " + r.name();
    }

    private ZoneId zone() {
        return clock.getZone();
    }

    /** "History: last change …": the folded pane's title. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The selected record's timeline, newest first. */
    public ReadOnlyStringProperty timelineProperty() {
        return timeline.getReadOnlyProperty();
    }

    /** The domain's recent changes, newest first (read-only). */
    public ObservableList<String> recent() {
        return recentView;
    }

    /** " (was missing)"; a DNS error reads " (couldn't be checked before)", not " (was couldn't be checked)". */
    private static String was(dev.domaindesk.domains.CheckState before) {
        return before == dev.domaindesk.domains.CheckState.DNS_ERROR ? " (couldn't be checked before)"
                : " (was " + Timeline.word(before) + ")";
    }
}
