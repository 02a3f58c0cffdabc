package dev.domaindesk.verification.audit;

import java.util.Locale;

/**
 * One item of the bulk-sender requirements (Gmail, Yahoo, Outlook.com), as far as DNS shows it.
 *
 * @param id        stable key ({@code spf}, {@code dkim}, {@code dmarc}, {@code alignment}, ...)
 * @param title     the requirement in a few words
 * @param receivers who requires it
 * @param why       one line: what was found, or why DNS cannot show it
 */
public record Requirement(String id, String title, String receivers, Result result, String why) {

    /** NOT_IN_DNS: the requirement exists but DNS cannot show it; UNKNOWN: DNS could not be asked. */
    public enum Result {
        PASS, FAIL, NOT_IN_DNS, UNKNOWN;

        public String wire() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Result parse(String text) {
            return valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }
}
