package dev.domaindesk.domains;

import java.util.Locale;

/** What DomainDesk's own DNS check last concluded about a record. UNCHECKED until the first check. */
public enum CheckState {
    UNCHECKED, VERIFIED, MISMATCH, MISSING, DNS_ERROR;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CheckState parse(String text) {
        for (CheckState s : values()) {
            if (s.wire().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown check state '" + text + "'");
    }
}
