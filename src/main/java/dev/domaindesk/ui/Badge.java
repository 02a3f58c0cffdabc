package dev.domaindesk.ui;

import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.DomainStatus;

/** How a verdict looks: a word, a tone (colour, from app.css) and an icon, so colour is never the only signal. */
public enum Badge {
    VERIFIED("verified", "ok"),
    PENDING("pending", "warn"),
    MISSING("missing", "warn"),
    MISMATCH("mismatch", "bad"),
    BROKEN("broken", "bad"),
    FAILED("failed", "bad"),
    DNS_ERROR("couldn't check", "muted"),
    /** A domain verified by status whose last check met a DNS error: short, for the domain list's narrow slot. */
    UNCONFIRMED("DNS error", "muted"),
    CHECKING("checking", "info");

    private final String word;
    private final String tone;

    Badge(String word, String tone) {
        this.word = word;
        this.tone = tone;
    }

    public String word() {
        return word;
    }

    /** The CSS style class: badge-ok, badge-warn, badge-bad, badge-muted or badge-info. */
    public String styleClass() {
        return "badge-" + tone;
    }

    public static Badge of(DomainStatus status) {
        return switch (status) {
            case VERIFIED -> VERIFIED;
            case PENDING -> PENDING;
            case FAILED -> FAILED;
        };
    }

    /** A record's badge: its last verdict, "broken" when it was verified before, "checking" while a check runs. */
    public static Badge of(CheckState state, boolean regressed, boolean checking) {
        if (checking) {
            return CHECKING;
        }
        return switch (state) {
            case VERIFIED -> VERIFIED;
            case UNCHECKED -> PENDING;
            case MISSING -> regressed ? BROKEN : MISSING;
            case MISMATCH -> regressed ? BROKEN : MISMATCH;
            case DNS_ERROR -> DNS_ERROR;
        };
    }
}
