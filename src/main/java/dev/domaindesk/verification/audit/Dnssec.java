package dev.domaindesk.verification.audit;

import java.util.Locale;

/** Whether a domain's zone is signed and its chain of trust validates, with one line of why. */
public record Dnssec(State state, String message) {

    /** SECURE: validates from the trust anchor; INSECURE: unsigned (or no DS); BOGUS: signed but broken. */
    public enum State {
        SECURE, INSECURE, BOGUS, UNKNOWN;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static State parse(String text) {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        }
    }
}
