package dev.domaindesk.ui;

import dev.domaindesk.domains.DomainStatus;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What the window's last manual check did to each of its domains (FX thread): the status bar sums it up when the run
 * ends, and the list shows one kind of it when the admin clicks that part of the summary.
 */
public final class RunOutcome {
    /** One domain's result in the run; a domain is of exactly one kind. */
    public enum Kind {
        NEWLY_VERIFIED("newly verified"),
        NEWLY_BROKEN("newly broken"),
        ERRORS("couldn't check"),
        UNCHANGED("unchanged"),
        NOT_CHECKED("not checked");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final Set<String> started = new HashSet<>();
    private final Map<String, Kind> checked = new HashMap<>();
    private final ObjectProperty<Kind> shown = new SimpleObjectProperty<>();

    /** A run over {@code domainIds} begins: the last run's outcome (and the list's view of it) is dropped. */
    public void start(Collection<String> domainIds) {
        shown.set(null);
        started.clear();
        started.addAll(domainIds);
        checked.clear();
    }

    /**
     * A domain of the run was checked. A DNS error proves nothing either way (RFC 7208 §2.6.6 temperror), so a domain
     * with one is "couldn't check" whatever its status did.
     */
    public void record(String domainId, DomainStatus before, DomainStatus after, boolean dnsError) {
        if (!started.contains(domainId)) {
            return;
        }
        Kind kind;
        if (dnsError) {
            kind = Kind.ERRORS;
        } else if (before == DomainStatus.VERIFIED && after != DomainStatus.VERIFIED) {
            kind = Kind.NEWLY_BROKEN;
        } else if (before != DomainStatus.VERIFIED && after == DomainStatus.VERIFIED) {
            kind = Kind.NEWLY_VERIFIED;
        } else {
            kind = Kind.UNCHANGED;
        }
        checked.put(domainId, kind);
    }

    /** How many domains the run started with. */
    public int size() {
        return started.size();
    }

    public int count(Kind kind) {
        if (kind == Kind.NOT_CHECKED) {
            return started.size() - checked.size();
        }
        int n = 0;
        for (Kind k : checked.values()) {
            n += k == kind ? 1 : 0;
        }
        return n;
    }

    public boolean is(Kind kind, String domainId) {
        return kind == Kind.NOT_CHECKED ? started.contains(domainId) && !checked.containsKey(domainId)
                : checked.get(domainId) == kind;
    }

    /** The kind the domain list shows alone (null: the list is not narrowed to the last run). */
    public ObjectProperty<Kind> shownProperty() {
        return shown;
    }
}
