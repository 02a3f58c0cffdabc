package dev.domaindesk.domains.ui;

import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.ui.Badge;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** One record in the table: the record, whether it is being checked, and what its cells show. */
public final class RecordRow {
    private final ReadOnlyObjectWrapper<DnsRecord> record;
    private final ReadOnlyObjectWrapper<Badge> badge = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Domain> domain;
    private boolean checking;
    private final String purpose;

    RecordRow(DnsRecord record, Domain domain, boolean checking) {
        this(record, domain, checking, "");
    }

    RecordRow(DnsRecord record, Domain domain, boolean checking, String purpose) {
        this.purpose = purpose == null ? "" : purpose;
        this.record = new ReadOnlyObjectWrapper<>(record);
        this.domain = new ReadOnlyObjectWrapper<>(domain);
        this.checking = checking;
        refreshBadge();
    }

    void update(DnsRecord newer) {
        record.set(newer);
        refreshBadge();
    }

    /** The domain as last stored: a check may have learnt its zone since the row was made. */
    void updateDomain(Domain newer) {
        if (domain.get() != newer) {
            domain.set(newer);
        }
    }

    void setChecking(boolean now) {
        checking = now;
        refreshBadge();
    }

    private void refreshBadge() {
        DnsRecord r = record.get();
        badge.set(Badge.of(r.checkState(), r.regressed(), checking));
    }

    public DnsRecord record() {
        return record.get();
    }

    /** What the record is for ("SPF", "DKIM 1"), from the profile; empty when unnamed. */
    public String purpose() {
        return purpose;
    }

    public String id() {
        return record.get().id();
    }

    /** The full owner name, e.g. {@code _dmarc.example.com}. */
    public String name() {
        return record.get().name();
    }

    /**
     * The name relative to the DNS zone, as provider panels want it: {@code _dmarc.mail} for a record of
     * {@code mail.example.com} in the zone {@code example.com}, {@code @} at the apex. Until a check has learnt the
     * zone, relative to the domain (see {@link #hostNote()}).
     */
    public String hostOnly() {
        return domain.get().hostOf(record.get().name());
    }

    /** Empty once the zone is known; before, what the admin must know about the host name. */
    public String hostNote() {
        Domain d = domain.get();
        return hostNote(d);
    }

    static String hostNote(Domain d) {
        if (d.zoneKnown()) {
            return "";
        }
        return "Zone not known yet: the host is relative to " + d.name().ascii() + ". If " + d.name().ascii()
                + " is a subdomain inside a larger zone (e.g. " + parentOf(d.name().ascii()) + "), add the subdomain"
                + " part. Check the domain to learn its zone.";
    }

    private static String parentOf(String name) {
        int dot = name.indexOf('.');
        return dot > 0 && name.indexOf('.', dot + 1) > 0 ? name.substring(dot + 1) : "example.com";
    }

    public ReadOnlyObjectProperty<Domain> domainProperty() {
        return domain.getReadOnlyProperty();
    }

    /** What goes in a provider's value field: for MX the host alone, the priority has its own column. */
    public String value() {
        return record.get().target();
    }

    public String priority() {
        Integer p = record.get().effectivePriority();
        return p == null ? "" : p.toString();
    }

    public ReadOnlyObjectProperty<DnsRecord> recordProperty() {
        return record.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Badge> badgeProperty() {
        return badge.getReadOnlyProperty();
    }
}
