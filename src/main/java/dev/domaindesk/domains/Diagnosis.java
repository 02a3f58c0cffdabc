package dev.domaindesk.domains;

import java.util.Objects;

/**
 * One finding about a record: a stable code (e.g. ZONE_APPENDED), how bad it is, a plain-English message, and when
 * the fix is a value to publish (the merged record MULTIPLE_SPF recommends), that value, exactly as it must be
 * entered; null otherwise.
 */
public record Diagnosis(String code, Severity severity, String message, String publish) {
    public Diagnosis {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        publish = publish == null || publish.isBlank() ? null : publish;
    }

    public Diagnosis(String code, Severity severity, String message) {
        this(code, severity, message, null);
    }
}
