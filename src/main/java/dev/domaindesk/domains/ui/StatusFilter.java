package dev.domaindesk.domains.ui;

import dev.domaindesk.domains.DomainStatus;

/** Which domains the list shows: all, those that need work, or one status. */
public enum StatusFilter {
    ALL("All"),
    ATTENTION("Needs attention"),
    FAILED("Failed"),
    PENDING("Pending"),
    VERIFIED("Verified");

    private final String label;

    StatusFilter(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A domain verified by status but whose last check met a DNS error needs attention, and is not "verified". */
    public boolean accepts(DomainRow row) {
        boolean unconfirmed = row.unconfirmed();
        return switch (this) {
            case ATTENTION -> unconfirmed || accepts(row.status());
            case VERIFIED -> !unconfirmed && accepts(row.status());
            default -> accepts(row.status());
        };
    }

    public boolean accepts(DomainStatus status) {
        return switch (this) {
            case ALL -> true;
            case ATTENTION -> status != DomainStatus.VERIFIED;
            case FAILED -> status == DomainStatus.FAILED;
            case PENDING -> status == DomainStatus.PENDING;
            case VERIFIED -> status == DomainStatus.VERIFIED;
        };
    }
}
