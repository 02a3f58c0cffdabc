package dev.domaindesk.domains.ui;

import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainService;
import dev.domaindesk.domains.DomainStatus;
import dev.domaindesk.ui.AppState;
import dev.domaindesk.domains.CheckState;
import dev.domaindesk.ui.CheckFeed;
import dev.domaindesk.ui.RunOutcome;
import dev.domaindesk.ui.DialogService;
import dev.domaindesk.ui.Notifier;
import dev.domaindesk.ui.UiTasks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import dev.domaindesk.domains.Progress;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/** The domain list: all domains, the search filter, the status counts, remove, and notifications on changes. */
public final class DomainListViewModel {
    private static final Comparator<DomainRow> BY_NAME = Comparator.comparing(DomainRow::displayName, String.CASE_INSENSITIVE_ORDER);
    private static final Comparator<DomainRow> BY_STATUS = Comparator.comparing((DomainRow r) -> switch (r.status()) {
        case FAILED -> 0;
        case PENDING -> 1;
        case VERIFIED -> r.unconfirmed() ? 2 : 3;
    }).thenComparing(BY_NAME);

    private static final Duration NOTIFY_GAP = Duration.ofSeconds(5);

    private final DomainService domains;
    private final Clock clock;
    private final List<String> newlyVerified = new ArrayList<>();
    private final List<String> newlyBroken = new ArrayList<>();
    private Instant lastNotified;
    private final UiTasks tasks;
    private final AppState state;
    private final DialogService dialogs;
    private final Notifier notifier;
    private final CheckFeed feed;
    /**
     * No extractor on the rows' status: a "check all" changes thousands of statuses, and an extractor would send
     * each change through the filtered list to the list view as its own list event. The cells watch their own
     * row's status instead; nothing here depends on the status (filter and order are by name).
     */
    private final ObservableList<DomainRow> rows = FXCollections.observableArrayList();
    private final FilteredList<DomainRow> filtered = new FilteredList<>(rows);
    /** Filtered by search and status, in name order or (sortByStatus) failed, pending, verified first. */
    private final SortedList<DomainRow> visible = new SortedList<>(filtered);
    private final ObjectProperty<StatusFilter> statusFilter = new SimpleObjectProperty<>(StatusFilter.ALL);
    private final BooleanProperty sortByStatus = new SimpleBooleanProperty();
    private final Map<StatusFilter, ReadOnlyIntegerWrapper> filterCounts = new EnumMap<>(StatusFilter.class);
    private final Map<String, DomainRow> byId = new HashMap<>();
    private final Map<DomainStatus, Integer> statusCounts = new EnumMap<>(DomainStatus.class);
    private final StringProperty search = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper counts = new ReadOnlyStringWrapper("");
    /** Loads reading in the background, and the newest of each domain published meanwhile (FX thread). */
    private int loadsUnderWay;
    private final Map<String, Domain> publishedDuringLoad = new LinkedHashMap<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper outcomeFilter = new ReadOnlyStringWrapper("");
    /** A run of the window's is under way (its domains are being checked): results go into the run's outcome. */
    private boolean runUnderWay;
    private boolean showingOutcome;

    public DomainListViewModel(DomainService domains, UiTasks tasks, AppState state, CheckFeed feed,
                               DialogService dialogs, Notifier notifier, Clock clock) {
        this.domains = domains;
        this.clock = clock;
        this.tasks = tasks;
        this.state = state;
        this.dialogs = dialogs;
        this.notifier = notifier;
        for (StatusFilter f : StatusFilter.values()) {
            filterCounts.put(f, new ReadOnlyIntegerWrapper());
        }
        search.addListener((obs, old, text) -> filter());
        statusFilter.addListener((obs, old, f) -> filter());
        sortByStatus.addListener((obs, old, by) -> sort());
        state.storeRevisionProperty().addListener((obs, old, rev) -> load());
        this.feed = feed;
        feed.addListener(this::applied);
        feed.checkingChangesProperty().addListener((obs, old, now) -> {
            if (feed.checking().isEmpty()) {
                runUnderWay = false;
                flush(true);
            } else if (!runUnderWay) {
                runUnderWay = true;
                state.runOutcome().start(feed.checking());
            }
        });
        statusFilter.addListener((obs, old, f) -> {
            if (!showingOutcome) {
                state.runOutcome().shownProperty().set(null);
            }
        });
        state.runOutcome().shownProperty().addListener((obs, old, kind) -> {
            outcomeFilter.set(kind == null ? "" : "Last check: " + kind.label() + " "
                    + state.runOutcome().count(kind));
            if (kind != null) {
                showingOutcome = true;
                statusFilter.set(StatusFilter.ALL);
                showingOutcome = false;
            }
            filter();
        });
    }

    /** Shows every domain again after the list showed a part of the last check's outcome. */
    public void clearOutcomeFilter() {
        state.runOutcome().shownProperty().set(null);
    }

    /** "Last check: newly broken 2" while the list shows only that part of the last run, else empty. */
    public ReadOnlyStringProperty outcomeFilterProperty() {
        return outcomeFilter.getReadOnlyProperty();
    }

    /**
     * Loads every domain and its record progress in the background. Results published while it reads are applied
     * again on top of what it read: its snapshot may predate them (another process's change reloads the list in the
     * middle of a check), and showing it alone would turn a batch of results back to what they were before.
     */
    public void load() {
        loadsUnderWay++;
        tasks.run(() -> new Loaded(domains.list(), domains.progress(null)), loaded -> {
            show(loaded.domains());
            showProgress(loaded.progress());
            loadEnded();
        }, e -> {
            problem.set("Could not read the domains: " + UiTasks.describe(e));
            loadEnded();
        });
    }

    private void loadEnded() {
        if (--loadsUnderWay > 0 || publishedDuringLoad.isEmpty()) {
            return;
        }
        List<Domain> again = List.copyOf(publishedDuringLoad.values());
        publishedDuringLoad.clear();
        for (Domain d : again) {
            DomainRow row = byId.get(d.id());
            if (row != null && !checkedBefore(d, row.domain())) { // the load may also have read a later check
                row.update(d);
            }
        }
        recount();
        statusesMoved();
        List<String> ids = again.stream().map(Domain::id).toList();
        tasks.run(() -> domains.progress(ids), this::showProgress, e -> { });
    }

    private record Loaded(List<Domain> domains, Map<String, Progress> progress) {
    }

    /** Shows domains already read (on the FX thread). */
    public void show(List<Domain> all) {
        byId.clear();
        List<DomainRow> fresh = all.stream().map(DomainRow::new).sorted(BY_NAME).toList();
        fresh.forEach(r -> byId.put(r.id(), r));
        rows.setAll(fresh);
        recount();
        loaded.set(true);
    }

    private void showProgress(Map<String, Progress> progress) {
        boolean confirmation = false;
        for (Map.Entry<String, Progress> e : progress.entrySet()) {
            DomainRow row = byId.get(e.getKey());
            if (row != null) {
                boolean before = row.unconfirmed();
                row.setProgress(e.getValue());
                confirmation |= before != row.unconfirmed();
            }
        }
        if (confirmation) {
            showCounts();
            statusesMoved();
        }
    }

    /** No extractor (see rows): a status filter, status search or status order is applied again instead. */
    private void statusesMoved() {
        if (statusFilter.get() != StatusFilter.ALL || !search.get().isBlank()) {
            filter();
        }
        if (sortByStatus.get()) {
            visible.setComparator(null);
            sort();
        }
    }

    private void filter() {
        String text = search.get();
        String query = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        StatusFilter f = statusFilter.get();
        RunOutcome outcome = state.runOutcome();
        RunOutcome.Kind kind = outcome.shownProperty().get();
        if (query.isEmpty() && f == StatusFilter.ALL && kind == null) {
            filtered.setPredicate(null);
        } else {
            filtered.setPredicate(row -> f.accepts(row) && (query.isEmpty() || row.matches(query))
                    && (kind == null || outcome.is(kind, row.id())));
        }
    }

    private void sort() {
        visible.setComparator(sortByStatus.get() ? BY_STATUS : null);
    }

    private static boolean checkedBefore(Domain a, Domain b) {
        return a.lastDnsCheck() != null && b.lastDnsCheck() != null && a.lastDnsCheck().isBefore(b.lastDnsCheck());
    }

    private void applied(List<Domain> changed, List<DnsRecord> records) {
        if (loadsUnderWay > 0) {
            changed.forEach(d -> publishedDuringLoad.put(d.id(), d));
        }
        boolean statusChanged = false;
        Set<String> withDnsError = new HashSet<>();
        for (DnsRecord r : records) {
            if (r.checkState() == CheckState.DNS_ERROR) {
                withDnsError.add(r.domainId());
            }
        }
        for (Domain d : changed) {
            DomainRow row = byId.get(d.id());
            if (row != null) {
                DomainStatus before = row.status();
                if (runUnderWay) { // the outcome records only the run's own domains
                    state.runOutcome().record(d.id(), before, d.status(), withDnsError.contains(d.id()));
                }
                row.update(d);
                if (before != d.status()) {
                    statusCounts.merge(before, -1, Integer::sum);
                    statusCounts.merge(d.status(), 1, Integer::sum);
                    statusChanged = true;
                }
                announce(row, before, d.status());
            }
        }
        if (statusChanged) {
            showCounts();
            statusesMoved();
        }
        if (!changed.isEmpty()) {
            List<String> ids = changed.stream().map(Domain::id).toList();
            tasks.run(() -> domains.progress(ids), this::showProgress, e -> { });
            flush(false);
        }
    }

    private void announce(DomainRow row, DomainStatus before, DomainStatus after) {
        if (before != DomainStatus.VERIFIED && after == DomainStatus.VERIFIED) {
            newlyVerified.add(row.displayName());
        } else if (before == DomainStatus.VERIFIED && after != DomainStatus.VERIFIED) {
            newlyBroken.add(row.displayName());
        }
    }

    /**
     * Shows what changed since the last notification, merged: at most one "verified" and one "broken" notification
     * every few seconds, however many domains changed, and none while a check of the window's is under way (its
     * end flushes them): each notification is a popup window, and creating one holds the FX thread. The view calls it
     * now and then to flush the rest.
     */
    public void flushNotifications() {
        flush(true);
    }

    private void flush(boolean force) {
        Instant now = clock.instant();
        if (newlyVerified.isEmpty() && newlyBroken.isEmpty()
                || !feed.checking().isEmpty()
                || !force && lastNotified != null && now.isBefore(lastNotified.plus(NOTIFY_GAP))) {
            return;
        }
        lastNotified = now;
        if (!newlyVerified.isEmpty()) {
            notifier.good(headline(newlyVerified, " is verified", " domains are verified"),
                    newlyVerified.size() == 1 ? "All required DNS records were found." : names(newlyVerified));
        }
        if (!newlyBroken.isEmpty()) {
            notifier.bad(headline(newlyBroken, " is no longer verified", " domains are no longer verified"),
                    newlyBroken.size() == 1 ? "A required DNS record broke; see its details." : names(newlyBroken));
        }
        newlyVerified.clear();
        newlyBroken.clear();
    }

    private static String headline(List<String> names, String one, String many) {
        return names.size() == 1 ? names.get(0) + one : names.size() + many;
    }

    private static String names(List<String> names) {
        String shown = String.join(", ", names.subList(0, Math.min(3, names.size())));
        return names.size() > 3 ? shown + " and " + (names.size() - 3) + " more" : shown;
    }

    /** A domain just added elsewhere (dialog, import): insert it in name order and select it. */
    public void added(Domain domain) {
        DomainRow row = new DomainRow(domain);
        DomainRow old = byId.put(row.id(), row);
        if (old != null) {
            rows.remove(old);
        }
        int at = 0;
        while (at < rows.size() && BY_NAME.compare(rows.get(at), row) < 0) {
            at++;
        }
        rows.add(at, row);
        recount();
        state.selectedDomainIdProperty().set(row.id());
    }

    /** Asks first (naming the domain and its record count), then removes the selected domain. */
    public void removeSelected() {
        DomainRow row = byId.get(state.selectedDomainId());
        if (row == null) {
            return;
        }
        tasks.run(() -> domains.records(row.id()).size(), count -> {
            String message = "Remove " + row.displayName() + " and its " + count + " DNS record" + (count == 1 ? "" : "s")
                    + " from DomainDesk? The records stay in your DNS; only DomainDesk forgets them.";
            if (dialogs.confirm("Remove domain", message, "Remove " + row.displayName())) {
                tasks.run(() -> domains.remove(row.id()), removed -> removed(row),
                        e -> dialogs.error("Could not remove " + row.displayName(), UiTasks.describe(e)));
            }
        }, e -> dialogs.error("Could not remove " + row.displayName(), UiTasks.describe(e)));
    }

    private void removed(DomainRow row) {
        int index = visible.indexOf(row);
        byId.remove(row.id());
        rows.remove(row);
        recount();
        if (row.id().equals(state.selectedDomainId())) {
            String next = visible.isEmpty() ? null : visible.get(Math.min(Math.max(index, 0), visible.size() - 1)).id();
            state.selectedDomainIdProperty().set(next);
        }
    }

    /** Counts every row's status (after a load, add or remove; a batch of results adjusts the counts instead). */
    private void recount() {
        statusCounts.clear();
        for (DomainRow r : rows) {
            statusCounts.merge(r.status(), 1, Integer::sum);
        }
        showCounts();
    }

    private void showCounts() {
        int unconfirmed = 0;
        for (DomainRow r : rows) {
            unconfirmed += r.unconfirmed() ? 1 : 0;
        }
        counts.set(count(DomainStatus.VERIFIED) - unconfirmed + " verified · "
                + (unconfirmed == 0 ? "" : unconfirmed + " DNS error · ") + count(DomainStatus.PENDING)
                + " pending · " + count(DomainStatus.FAILED) + " failed");
        for (StatusFilter f : StatusFilter.values()) {
            int n = 0;
            for (DomainStatus s : DomainStatus.values()) {
                n += f.accepts(s) ? count(s) : 0;
            }
            n += switch (f) { // an unconfirmed domain moves from Verified to Needs attention
                case ATTENTION -> unconfirmed;
                case VERIFIED -> -unconfirmed;
                default -> 0;
            };
            filterCounts.get(f).set(n);
        }
    }

    /** How many domains the filter shows (its button's number). */
    public ReadOnlyIntegerProperty countOf(StatusFilter f) {
        return filterCounts.get(f).getReadOnlyProperty();
    }

    /** Which statuses the list shows; clicking a count sets it. */
    public ObjectProperty<StatusFilter> statusFilterProperty() {
        return statusFilter;
    }

    /** Failed first, then pending, then verified (by name within each), instead of by name alone. */
    public BooleanProperty sortByStatusProperty() {
        return sortByStatus;
    }

    private int count(DomainStatus status) {
        return statusCounts.getOrDefault(status, 0);
    }

    public Optional<DomainRow> row(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    public List<String> allIds() {
        return rows.stream().map(DomainRow::id).toList();
    }

    public ObservableList<DomainRow> visible() {
        return visible;
    }

    public int size() {
        return rows.size();
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ReadOnlyStringProperty countsProperty() {
        return counts.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }
}
