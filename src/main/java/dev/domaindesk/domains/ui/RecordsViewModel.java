package dev.domaindesk.domains.ui;

import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.ui.CheckFeed;
import dev.domaindesk.ui.ClipboardService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/** The records table: rows, the selected record's explanation, and copying names and values. */
public final class RecordsViewModel {
    private final SelectedDomain selection;
    private final CheckFeed feed;
    private final ClipboardService clipboard;
    /**
     * No extractor on the badges: each badge change would be a list event, and a table reconfigures every cell on
     * each one (a check's start and results restyled every row). The cells watch their row's properties instead.
     */
    private final ObservableList<RecordRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<RecordRow> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<RecordExplanation> explanation = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper copyFeedback = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper copies = new ReadOnlyIntegerWrapper();

    public RecordsViewModel(SelectedDomain selection, CheckFeed feed, ClipboardService clipboard) {
        this.selection = selection;
        this.feed = feed;
        this.clipboard = clipboard;
        selection.records().addListener((ListChangeListener<DnsRecord>) c -> sync());
        selection.domainProperty().addListener((obs, old, d) -> sync());
        feed.checkingChangesProperty().addListener((obs, old, now) -> refreshChecking());
        selected.addListener((obs, old, row) -> explain());
        selection.providerProperty().addListener((obs, old, p) -> explain());
        sync();
    }

    /** The instant the Checked column is worded against: the header's own (one fact, one word). */
    public java.time.Instant timesShownAt() {
        return selection.timesShownAt();
    }

    /** Ticks when every shown relative time is to be read again. */
    public javafx.beans.property.ReadOnlyLongProperty timesBeatProperty() {
        return selection.timesBeatProperty();
    }

    private void sync() {
        Domain domain = selection.domain();
        List<DnsRecord> records = selection.records();
        // by id, in any order: the table sorts these rows in place when a column header is clicked
        Map<String, RecordRow> shown = new HashMap<>();
        rows.forEach(r -> shown.put(r.id(), r));
        boolean sameSet = domain != null && rows.size() == records.size() && records.stream().allMatch(r -> shown.containsKey(r.id()));
        if (sameSet) {
            rows.forEach(row -> row.updateDomain(domain));
            for (DnsRecord r : records) {
                RecordRow row = shown.get(r.id());
                if (row.record() != r) {
                    row.update(r);
                }
            }
        } else {
            boolean checking = domain != null && feed.checking().contains(domain.id());
            Map<String, RecordRow> fresh = new HashMap<>();
            rows.setAll(domain == null ? List.of()
                    : records.stream().map(r -> fresh.computeIfAbsent(r.id(),
                            k -> new RecordRow(r, domain, checking, selection.purposes().get(r.id())))).toList());
            selected.set(null);
        }
        explain();
    }

    private void refreshChecking() {
        Domain domain = selection.domain();
        boolean checking = domain != null && feed.checking().contains(domain.id());
        if (!rows.isEmpty() && rows.get(0).badgeProperty().get() == dev.domaindesk.ui.Badge.CHECKING != checking) {
            rows.forEach(r -> r.setChecking(checking));
            explain();
        }
    }

    private void explain() {
        RecordRow row = selected.get();
        if (row == null) {
            explanation.set(null);
            return;
        }
        var detection = selection.providerProperty().get();
        var provider = detection == null ? null : detection.provider().orElse(null);
        explanation.set(RecordExplanation.of(row.record(), row.badgeProperty().get(), row.purpose(),
                provider == null ? null : ProviderEntry.of(provider, row)));
    }

    public void copyValue(RecordRow row) {
        copy(row.value(), "value of " + row.hostOnly());
    }

    public void copyName(RecordRow row) {
        copy(row.name(), row.name());
    }

    public void copyHostOnly(RecordRow row) {
        String note = row.hostNote();
        copy(row.hostOnly(), "host " + row.hostOnly() + (note.isEmpty() ? "" : " (relative to "
                + row.domainProperty().get().name().ascii() + ": the zone is not known yet)"));
    }

    /** The value a diagnosis says to publish (the merged SPF record), from its own copy button. */
    public void copyFix(String value) {
        copy(value, "the value to publish: " + (value.length() > 40 ? value.substring(0, 40) + "…" : value));
    }

    /** Ctrl+C: the selected record's value; with none selected it says so rather than copying nothing silently. */
    public void copySelectedValue() {
        if (selected.get() != null) {
            copyValue(selected.get());
        } else if (!rows.isEmpty()) {
            copyFeedback.set("Nothing copied: select a record first (arrow keys in the table)");
            copies.set(copies.get() + 1);
        }
    }

    /** Ctrl+Alt+C: the selected record's host, relative to the zone. */
    public void copySelectedHost() {
        if (selected.get() != null) {
            copyHostOnly(selected.get());
        }
    }

    /** Ctrl+Shift+C: the selected record's name. */
    public void copySelectedName() {
        if (selected.get() != null) {
            copyName(selected.get());
        }
    }

    private void copy(String text, String what) {
        clipboard.copy(text);
        copyFeedback.set("Copied " + what);
        copies.set(copies.get() + 1);
    }

    public ObservableList<RecordRow> rows() {
        return rows;
    }

    public ObjectProperty<RecordRow> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<RecordExplanation> explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty copyFeedbackProperty() {
        return copyFeedback.getReadOnlyProperty();
    }

    /** Counts copies, so the view can flash feedback even when the same text is copied twice. */
    public ReadOnlyIntegerProperty copiesProperty() {
        return copies.getReadOnlyProperty();
    }
}
