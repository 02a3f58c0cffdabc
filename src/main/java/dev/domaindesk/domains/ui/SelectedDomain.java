package dev.domaindesk.domains.ui;

import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainService;
import dev.domaindesk.ui.AppState;
import dev.domaindesk.ui.CheckFeed;
import dev.domaindesk.ui.UiTasks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import dev.domaindesk.providers.ProviderDetector.Detection;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The selected domain and its records, loaded in the background whenever the selection changes and kept current
 * from the {@link CheckFeed}. Shared by the domain pane and the records table.
 */
public final class SelectedDomain {
    private final DomainService domains;
    private final UiTasks tasks;
    private final ReadOnlyObjectWrapper<Domain> domain = new ReadOnlyObjectWrapper<>();
    private final ObservableList<DnsRecord> records = FXCollections.observableArrayList();
    private final ObservableList<DnsRecord> readOnlyRecords = FXCollections.unmodifiableObservableList(records);
    private final ReadOnlyObjectWrapper<Map<String, String>> purposes = new ReadOnlyObjectWrapper<>(Map.of());
    /** The DNS provider found for the selected domain (null: not looked up yet); the domain pane looks it up. */
    private final ObjectProperty<Detection> provider = new SimpleObjectProperty<>();
    private long generation;

    /**
     * The one "now" the header's "Last checked" and the table's Checked column are both worded against, and a beat
     * that says it moved on (the table then re-reads its relative times): one fact, one word.
     */
    private java.time.Instant timesShownAt;
    private final javafx.beans.property.ReadOnlyLongWrapper timesBeat = new javafx.beans.property.ReadOnlyLongWrapper();

    public java.time.Instant timesShownAt() {
        return timesShownAt;
    }

    /** Sets the instant relative times are worded against; {@code beat}: every shown time is to be read again. */
    void showTimesAt(java.time.Instant now, boolean beat) {
        timesShownAt = now;
        if (beat) {
            timesBeat.set(timesBeat.get() + 1);
        }
    }

    public javafx.beans.property.ReadOnlyLongProperty timesBeatProperty() {
        return timesBeat.getReadOnlyProperty();
    }

    public SelectedDomain(DomainService domains, UiTasks tasks, AppState state, CheckFeed feed) {
        this.domains = domains;
        this.tasks = tasks;
        state.selectedDomainIdProperty().addListener((obs, old, id) -> load(id));
        feed.addListener(this::applied);
        state.storeRevisionProperty().addListener((obs, old, rev) -> load(state.selectedDomainId()));
        load(state.selectedDomainId());
    }

    private void load(String id) {
        long gen = ++generation;
        if (id == null) {
            domain.set(null);
            records.clear();
            return;
        }
        tasks.run(() -> {
            Domain d = domains.find(id).orElse(null);
            List<DnsRecord> list = domains.records(id);
            return new Loaded(d, list, d == null ? Map.of() : domains.purposes(d, list));
        }, loaded -> {
            if (gen == generation) {
                purposes.set(loaded.purposes());
                domain.set(loaded.domain());
                records.setAll(loaded.domain() == null ? List.of() : loaded.records());
            }
        }, e -> {
            if (gen == generation) {
                domain.set(null);
                records.clear();
            }
        });
    }

    private record Loaded(Domain domain, List<DnsRecord> records, Map<String, String> purposes) {
    }

    private void applied(List<Domain> changed, List<DnsRecord> changedRecords) {
        Domain current = domain.get();
        if (current == null) {
            return;
        }
        for (Domain d : changed) {
            if (d.id().equals(current.id())) {
                domain.set(d);
            }
        }
        Map<String, DnsRecord> mine = new HashMap<>();
        for (DnsRecord r : changedRecords) {
            if (r.domainId().equals(current.id())) {
                mine.put(r.id(), r);
            }
        }
        if (!mine.isEmpty()) {
            List<DnsRecord> updated = new ArrayList<>(records);
            updated.replaceAll(r -> mine.getOrDefault(r.id(), r));
            for (int i = 0; i < updated.size(); i++) {
                if (updated.get(i) != records.get(i)) {
                    records.set(i, updated.get(i));
                }
            }
        }
    }

    /** Record id to what the record is for ("SPF", "DKIM 1"), from the domain's profile. */
    public Map<String, String> purposes() {
        return purposes.get();
    }

    public ObjectProperty<Detection> providerProperty() {
        return provider;
    }

    public ReadOnlyObjectProperty<Domain> domainProperty() {
        return domain.getReadOnlyProperty();
    }

    public Domain domain() {
        return domain.get();
    }

    /** The selected domain's records in profile order (read-only for the views). */
    public ObservableList<DnsRecord> records() {
        return readOnlyRecords;
    }
}
