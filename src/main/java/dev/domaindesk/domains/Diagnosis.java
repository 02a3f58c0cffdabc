package dev.domaindesk.domains;

import java.util.Objects;

/** One finding about a record: a stable code (e.g. ZONE_APPENDED), how bad it is, and a plain-English message. */
public record Diagnosis(String code, Severity severity, String message) {
    public Diagnosis {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }
}
