package dev.domaindesk.verification.rules;

import java.net.IDN;
import java.util.Locale;

/** Name comparison as DNS does it: case-insensitive, without the trailing dot, IDN as punycode. */
public final class Names {
    private Names() {
    }

    public static String normalize(String name) {
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
