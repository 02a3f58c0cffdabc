package dev.domaindesk.domains.ui;

import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainName;
import dev.domaindesk.domains.DomainStatus;
import dev.domaindesk.providers.DnsProvider;
import dev.domaindesk.providers.ProviderDetector.Detection;
import dev.domaindesk.ui.RelativeTime;
import dev.domaindesk.ui.UiTasks;
import dev.domaindesk.verification.ui.WindowChecks;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;

/** The selected domain's header: name, status, how many records are verified, DNS provider, last check, Check now. */
public final class DomainPaneViewModel {
    private final SelectedDomain selection;
    private final WindowChecks runner;
    private final UiTasks tasks;
    private final Clock clock;
    private final Function<DomainName, Detection> detector;
    /** The domain the provider line is about, and a counter that drops the answers of superseded lookups. */
    private String detectedFor;
    private java.time.Instant detectedAtCheck;
    private long detectGeneration;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<DomainStatus> status = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<dev.domaindesk.ui.Badge> badge = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper provider = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper providerHint = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lastChecked = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lastCheckedExact = new ReadOnlyStringWrapper("");
    private final BooleanBinding canCheck;

    /** After the resolvers change in Settings: the provider line was found through the old ones. */
    public void resolversChanged() {
        if (selection.domain() != null) {
            detect(selection.domain());
        }
    }

    /** @param detector the blocking NS lookup (a service), run on the background executor */
    public DomainPaneViewModel(SelectedDomain selection, WindowChecks runner, UiTasks tasks, Clock clock,
                               Function<DomainName, Detection> detector) {
        this.selection = selection;
        this.runner = runner;
        this.tasks = tasks;
        this.clock = clock;
        this.detector = detector;
        selection.domainProperty().addListener((obs, old, d) -> {
            refresh();
            // a new domain, or a new check of this one (the provider may have moved since): look up again
            if (d != null && (!d.id().equals(detectedFor) || !java.util.Objects.equals(d.lastDnsCheck(), detectedAtCheck))) {
                detect(d);
            }
        });
        selection.records().addListener((ListChangeListener<DnsRecord>) c -> refresh());
        canCheck = Bindings.createBooleanBinding(() -> selection.domain() != null && !runner.runningProperty().get(),
                selection.domainProperty(), runner.runningProperty());
        refresh();
    }

    /** The view calls it every half minute, so "3 min ago" stays true above and in the table alike. */
    public void tick() {
        selection.showTimesAt(clock.instant(), true);
        refresh();
    }

    /** Recomputes the header. */
    public void refresh() {
        if (selection.timesShownAt() == null) {
            selection.showTimesAt(clock.instant(), false);
        }
        Domain d = selection.domain();
        if (d == null) {
            title.set("");
            status.set(null);
            badge.set(null);
            summary.set("");
            lastChecked.set("");
            lastCheckedExact.set("");
            return;
        }
        title.set(d.name().unicode());
        status.set(d.status());
        List<DnsRecord> required = selection.records().stream().filter(DnsRecord::isRequired).toList();
        long verified = required.stream().filter(DnsRecord::isVerified).count();
        // as the list words it: verified by status, but DNS could not be asked about a required record
        badge.set(dev.domaindesk.domains.Progress.of(required).dnsErrors() > 0 && d.status() == DomainStatus.VERIFIED
                ? dev.domaindesk.ui.Badge.UNCONFIRMED : dev.domaindesk.ui.Badge.of(d.status()));
        summary.set(verified + " of " + required.size() + " required records verified");
        // the newest check of a record the table shows, worded against the table's own "now": the header cannot say
        // "1 min ago" above a table saying "just now"
        java.time.Instant when = selection.records().stream()
                .filter(r -> r.checkState() != dev.domaindesk.domains.CheckState.UNCHECKED && r.lastChecked() != null)
                .map(DnsRecord::lastChecked).max(java.util.Comparator.naturalOrder()).orElse(d.lastDnsCheck());
        if (when != null && when.isAfter(selection.timesShownAt())) {
            // a check newer than the shown "now": its own cells show it "just now" already, so no beat (re-reading
            // every time mid-check costs frames); the next beat re-reads them all against the new "now"
            selection.showTimesAt(clock.instant(), false);
        }
        lastChecked.set("Last checked " + RelativeTime.ago(when, selection.timesShownAt()));
        lastCheckedExact.set(RelativeTime.exact(when, clock.getZone()));
    }

    private void detect(Domain d) {
        long gen = ++detectGeneration;
        boolean sameDomain = d.id().equals(detectedFor);
        detectedFor = d.id();
        detectedAtCheck = d.lastDnsCheck();
        if (!sameDomain) {
            selection.providerProperty().set(null);
            provider.set("DNS provider: looking up…");
            providerHint.set("");
        }
        tasks.run(() -> detector.apply(d.name()), found -> {
            if (gen == detectGeneration) {
                selection.providerProperty().set(found);
                showDetection(found);
            }
        }, e -> {
            if (gen == detectGeneration) {
                showDetection(new Detection(java.util.Optional.empty(), List.of(), UiTasks.describe(e)));
            }
        });
    }

    private void showDetection(Detection found) {
        if (found.failed()) {
            provider.set("DNS provider: couldn't check (" + found.problem() + ")");
            providerHint.set("");
        } else if (found.provider().isPresent()) {
            DnsProvider p = found.provider().get();
            provider.set("DNS provider: " + p.name());
            providerHint.set(p.hint());
        } else if (found.nameServers().isEmpty()) {
            provider.set("DNS provider: none found (the domain has no NS records)");
            providerHint.set("Register the domain or delegate it before adding records.");
        } else {
            provider.set("DNS provider: not recognised (" + String.join(", ", found.nameServers()) + ")");
            providerHint.set("");
        }
    }

    /** F5 / the Check now button; ignored while a check runs. */
    public void checkNow() {
        if (canCheck.get()) {
            runner.start(List.of(selection.domain().id()));
        }
    }

    public BooleanBinding canCheckProperty() {
        return canCheck;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The header's badge: the status, or "DNS error" when a required record's last check met a DNS error. */
    public ReadOnlyObjectProperty<dev.domaindesk.ui.Badge> badgeProperty() {
        return badge.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DomainStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty providerProperty() {
        return provider.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty providerHintProperty() {
        return providerHint.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastCheckedProperty() {
        return lastChecked.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastCheckedExactProperty() {
        return lastCheckedExact.getReadOnlyProperty();
    }

    /** Whether this pane's "Check now" is running. */
    public ReadOnlyBooleanProperty checkingProperty() {
        return runner.runningProperty();
    }
}
