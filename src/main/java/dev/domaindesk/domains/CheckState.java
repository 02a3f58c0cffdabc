package dev.domaindesk.domains;

import java.util.Locale;

/** What DomainDesk's own DNS check last concluded about a record. UNCHECKED until the first check. */
public enum CheckState {
    UNCHECKED, VERIFIED, MISMATCH, MISSING, DNS_ERROR;

    /** Read and written once per record by every bulk check, so built once. */
    private static final CheckState[] ALL = values();
    private final String wire = name().toLowerCase(Locale.ROOT);

    public String wire() {
        return wire;
    }

    public static CheckState parse(String text) {
        String given = text == null ? "" : text.strip();
        for (CheckState s : ALL) {
            if (s.wire.equalsIgnoreCase(given)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown check state '" + text + "'");
    }
}
