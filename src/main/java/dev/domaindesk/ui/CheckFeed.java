package dev.domaindesk.ui;

import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;

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
    private final Set<String> checking = new HashSet<>();
    private final Set<String> checkingView = Collections.unmodifiableSet(checking);
    private final ReadOnlyLongWrapper checkingChanges = new ReadOnlyLongWrapper();

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /** Hands a batch to every listener, then (once) drops its domains from {@link #checking()}. */
    public void publish(List<Domain> domains, List<DnsRecord> records) {
        boolean changed = false;
        if (!checking.isEmpty()) {
            for (Domain d : domains) {
                changed |= checking.remove(d.id());
            }
        }
        for (Listener l : listeners) {
            l.applied(domains, records);
        }
        if (changed) {
            checkingChanged();
        }
    }

    /**
     * Counts changes of {@link #checking()}: one per batch however many domains it adds or removes (a run of
     * 10,000 domains must not fire 10,000 events, nor copy a set of 10,000 ids per batch).
     */
    public ReadOnlyLongProperty checkingChangesProperty() {
        return checkingChanges.getReadOnlyProperty();
    }

    /** Ids of domains with a check under way (a read-only view; FX thread). */
    public Set<String> checking() {
        return checkingView;
    }

    public void startChecking(Collection<String> domainIds) {
        if (checking.addAll(domainIds)) {
            checkingChanged();
        }
    }

    public void stopChecking() {
        if (!checking.isEmpty()) {
            checking.clear();
            checkingChanged();
        }
    }

    private void checkingChanged() {
        checkingChanges.set(checkingChanges.get() + 1);
    }
}
