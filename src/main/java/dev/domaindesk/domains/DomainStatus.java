package dev.domaindesk.domains;

import java.util.Locale;

/** A domain's verification status, as the service names it. */
public enum DomainStatus {
    PENDING, VERIFIED, FAILED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DomainStatus parse(String text) {
        for (DomainStatus s : values()) {
            if (s.wire().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown status '" + text + "' (expected pending, verified or failed)");
    }
}
