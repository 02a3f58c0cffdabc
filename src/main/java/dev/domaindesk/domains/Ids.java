package dev.domaindesk.domains;

import java.security.SecureRandom;

/** Identifiers in the service's style: {@code dom_...} and {@code dns_...}. */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private Ids() {
    }

    public static String newDomainId() {
        return "dom_" + random(16);
    }

    public static String newRecordId() {
        return "dns_" + random(16);
    }

    private static String random(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(chars);
    }
}
