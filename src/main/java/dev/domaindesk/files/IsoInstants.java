package dev.domaindesk.files;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * ISO-8601 instants as the service writes them ({@code 2024-01-15T10:30:00.000Z}), read without the general
 * formatter, which is a large part of an import's time; anything else goes to {@link Instant#parse}.
 */
final class IsoInstants {
    private IsoInstants() {
    }

    static Instant parse(String text) {
        int n = text.length();
        boolean plain = (n == 20 || n == 24) && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(n - 1) == 'Z'
                && (n == 20 || text.charAt(19) == '.');
        if (!plain) {
            return Instant.parse(text);
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int millis = n == 24 ? digits(text, 20, 3) : 0;
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || millis < 0
                || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) {
            return Instant.parse(text); // reports the problem in its own words
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, millis * 1_000_000).toInstant(ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            return Instant.parse(text); // e.g. February 30th
        }
    }

    /** The number in {@code count} ASCII digits from {@code start}, or -1 when one is not a digit. */
    private static int digits(String text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
