package dev.domaindesk.verification.audit;

import java.util.Locale;

/**
 * The key found behind one DKIM record, judged.
 *
 * @param name    the selector's name ({@code s1._domainkey.example.com})
 * @param keyName where the key record was found (the CNAME target when the record is an alias)
 * @param keyType {@code rsa} or {@code ed25519}; null when no key was read
 * @param bits    the RSA modulus length (256 for Ed25519); 0 when no key was read
 * @param testing {@code t=y}: receivers may treat failures as if unsigned
 */
public record DkimKey(String name, String keyName, Strength strength, String keyType, int bits, boolean testing,
                      String message) {

    /** STRONG ≥ 2048 bits (or Ed25519); ACCEPTED 1024–2047; TOO_SHORT below 1024; the rest: no usable key. */
    public enum Strength {
        STRONG, ACCEPTED, TOO_SHORT, REVOKED, INVALID, MISSING, UNKNOWN;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Strength parse(String text) {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        }

        /** A key receivers accept (at least 1024 bits, not revoked). */
        public boolean usable() {
            return this == STRONG || this == ACCEPTED;
        }
    }
}
