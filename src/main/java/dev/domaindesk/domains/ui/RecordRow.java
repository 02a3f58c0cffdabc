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
    private final Domain domain;
    private boolean checking;

    RecordRow(DnsRecord record, Domain domain, boolean checking) {
        this.record = new ReadOnlyObjectWrapper<>(record);
        this.domain = domain;
        this.checking = checking;
        refreshBadge();
    }

    void update(DnsRecord newer) {
        record.set(newer);
        refreshBadge();
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

    public String id() {
        return record.get().id();
    }

    /** The full owner name, e.g. {@code _dmarc.example.com}. */
    public String name() {
        return record.get().name();
    }

    /** The name relative to the zone, as many provider panels want it: {@code _dmarc}, or {@code @} at the apex. */
    public String hostOnly() {
        String name = record.get().name();
        String zone = domain.name().ascii();
        if (name.equals(zone)) {
            return "@";
        }
        return name.endsWith("." + zone) ? name.substring(0, name.length() - zone.length() - 1) : name;
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
