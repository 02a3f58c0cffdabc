package dev.domaindesk.domains.ui;

import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainStatus;
import dev.domaindesk.domains.Progress;
import dev.domaindesk.ui.Badge;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** One line of the domain list: the name as people read it and the current status. */
public final class DomainRow {
    private final String id;
    private final String displayName;
    private final String searchKey;
    private final ReadOnlyObjectWrapper<DomainStatus> status;
    private final ReadOnlyObjectWrapper<Progress> progress = new ReadOnlyObjectWrapper<>(Progress.NONE);
    private Domain domain;

    public DomainRow(Domain domain) {
        this.id = domain.id();
        this.domain = domain;
        String ascii = domain.name().ascii();
        // only punycode labels (xn--) differ in Unicode; skipping IDN for the rest saves most of loading 10,000 rows
        String unicode = ascii.contains("xn--") ? domain.name().unicode() : ascii;
        this.displayName = unicode;
        this.searchKey = (unicode.equals(ascii) ? ascii : ascii + " " + unicode).toLowerCase(Locale.ROOT);
        this.status = new ReadOnlyObjectWrapper<>(domain.status());
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public Domain domain() {
        return domain;
    }

    /**
     * The name contains the query, or the query is the status word ("failed" finds the failed domains; a part of a
     * word does not, or typing "pen" for penguin.example would list every pending domain).
     */
    boolean matches(String lowerCaseQuery) {
        return searchKey.contains(lowerCaseQuery) || status.get().wire().equals(lowerCaseQuery)
                || unconfirmed() && badge().word().equalsIgnoreCase(lowerCaseQuery);
    }

    void setProgress(Progress now) {
        if (!now.equals(progress.get())) {
            progress.set(now);
        }
    }

    public Progress progress() {
        return progress.get();
    }

    public ReadOnlyObjectProperty<Progress> progressProperty() {
        return progress.getReadOnlyProperty();
    }

    void update(Domain newer) {
        domain = newer;
        status.set(newer.status());
    }

    public DomainStatus status() {
        return status.get();
    }

    /**
     * Verified by its status, but a required record's last check met a DNS error (SERVFAIL, a timeout): not known to
     * be verified now. The list says "DNS error" (its records: "couldn't check"), and counts it as needing attention.
     */
    public boolean unconfirmed() {
        return status.get() == DomainStatus.VERIFIED && progress.get().dnsErrors() > 0;
    }

    /** The badge the list shows: the status, or "DNS error" for an {@link #unconfirmed()} domain. */
    public Badge badge() {
        return unconfirmed() ? Badge.UNCONFIRMED : Badge.of(status.get());
    }

    public ReadOnlyObjectProperty<DomainStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    @Override
    public String toString() {
        return displayName;
    }
}
