package dev.domaindesk.domains;

import java.util.Locale;

public enum Severity {
    ERROR, WARNING, INFO;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity parse(String text) {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
    }
}
