package dev.domaindesk.ui;

import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

/**
 * Check results as they reach the window, in batches on the FX thread, and the domains being checked right now.
 * Every part showing domains or records listens here, so a result from any run updates every view at once.
 */
public final class CheckFeed {
    /** A batch of stored results. */
    public interface Listener {
        void applied(List<Domain> domains, List<DnsRecord> records);
    }

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final ObservableSet<String> checking = FXCollections.observableSet();

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void publish(List<Domain> domains, List<DnsRecord> records) {
        domains.forEach(d -> checking.remove(d.id()));
        for (Listener l : listeners) {
            l.applied(domains, records);
        }
    }

    /** Ids of domains with a check under way. */
    public ObservableSet<String> checking() {
        return checking;
    }
}
