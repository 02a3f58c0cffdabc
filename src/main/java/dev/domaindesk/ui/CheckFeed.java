package dev.domaindesk.ui;

import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

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
    private final ReadOnlyObjectWrapper<Set<String>> checking = new ReadOnlyObjectWrapper<>(Set.of());

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void publish(List<Domain> domains, List<DnsRecord> records) {
        if (!checking.get().isEmpty() && !domains.isEmpty()) {
            Set<String> still = new HashSet<>(checking.get());
            domains.forEach(d -> still.remove(d.id()));
            checking.set(Set.copyOf(still));
        }
        for (Listener l : listeners) {
            l.applied(domains, records);
        }
    }

    /** Ids of domains with a check under way; replaced whole, so a run of 10,000 domains is one change. */
    public ReadOnlyObjectProperty<Set<String>> checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    public Set<String> checking() {
        return checking.get();
    }

    public void startChecking(Collection<String> domainIds) {
        Set<String> all = new HashSet<>(checking.get());
        all.addAll(domainIds);
        checking.set(Set.copyOf(all));
    }

    public void stopChecking() {
        checking.set(Set.of());
    }
}
