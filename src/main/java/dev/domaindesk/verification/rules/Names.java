package dev.domaindesk.verification.rules;

import java.net.IDN;
import java.util.Locale;

/** Name comparison as DNS does it: case-insensitive, without the trailing dot, IDN as punycode. */
public final class Names {
    private Names() {
    }

    public static String normalize(String name) {
        if (alreadyNormal(name)) {
            return name; // most names are: a bulk check normalizes each several times
        }
        String text = name.strip();
        if (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1);
        }
        if (!ascii(text)) {
            try {
                text = IDN.toASCII(text, IDN.ALLOW_UNASSIGNED);
            } catch (IllegalArgumentException e) {
                // not a valid IDN: compare as written
            }
        }
        return text.toLowerCase(Locale.ROOT);
    }

    /** Lower-case ASCII without spaces or a trailing dot: normalizing would return it unchanged. */
    private static boolean alreadyNormal(String name) {
        int n = name.length();
        if (n == 0 || name.charAt(n - 1) == '.') {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            // c <= ' ' covers every ASCII whitespace without Character.isWhitespace's table look-up (C1 does not
            // inline it); the other control characters it also sends the long way come back from there unchanged
            if (c >= 128 || (c >= 'A' && c <= 'Z') || c <= ' ') {
                return false;
            }
        }
        return true;
    }

    /** A loop, not a stream: names are normalised for every record of every domain checked. */
    private static boolean ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    public static boolean same(String a, String b) {
        return normalize(a).equals(normalize(b));
    }

    /** True when {@code found} is {@code expected} with the zone appended again ({@code x.example.com.example.com}). */
    public static boolean zoneAppended(String expected, String found, String zone) {
        return normalize(found).equals(normalize(expected) + "." + normalize(zone));
    }
}
