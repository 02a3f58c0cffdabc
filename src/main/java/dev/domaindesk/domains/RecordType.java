package dev.domaindesk.domains;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The record types the service requires. */
public enum RecordType {
    TXT, MX, CNAME;

    /** Parses a type name case-insensitively; the message lists what is accepted. */
    public static RecordType parse(String text) {
        if (text != null) {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ignored) {
                // reported below
            }
        }
        throw new IllegalArgumentException("unknown record type '" + text + "' (expected one of "
                + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")) + ")");
    }
}
