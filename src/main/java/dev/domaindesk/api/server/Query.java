package dev.domaindesk.api.server;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The query parameters of a request; the last of a repeated name wins. */
final class Query {
    private final Map<String, String> values = new HashMap<>();

    Query(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            values.put(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
    }

    String get(String name) {
        return values.get(name);
    }

    boolean isTrue(String name) {
        return "true".equals(values.get(name));
    }

    /** The whole number given for {@code name}, {@code absent} when not given, null when not a number. */
    Integer integer(String name, int absent) {
        String text = values.get(name);
        if (text == null || text.isEmpty()) {
            return absent;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
