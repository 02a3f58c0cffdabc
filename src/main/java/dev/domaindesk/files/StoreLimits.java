package dev.domaindesk.files;

import java.util.Locale;

/**
 * The sizes of the store's columns an import writes to (src/main/resources/db/migration), so that an import checks
 * them first and says in words what is too long, instead of a raw SQL error from the store.
 */
final class StoreLimits {
    /** domain.id, dns_record.id, dns_record.domain_id: VARCHAR(64). */
    static final long ID = 64;
    /** domain.domain_provider: VARCHAR(128). */
    static final long PROVIDER = 128;
    /** domain.provider_confidence: VARCHAR(32). */
    static final long PROVIDER_CONFIDENCE = 32;
    /** dns_record.record_value: VARCHAR(8192). */
    static final long VALUE = 8192;

    private StoreLimits() {
    }

    /** 8193 as "8,193 bytes"; over a megabyte also in MB ("10,485,760 bytes (10.0 MB)"). */
    static String size(long n, String unit) {
        String exact = String.format(Locale.ROOT, "%,d %s", n, unit);
        return n < 1_048_576 ? exact : exact + String.format(Locale.ROOT, " (%.1f MB)", n / 1_048_576.0);
    }

    /**
     * Throws {@link ImportException} when {@code text} is longer than {@code limit} characters, naming the field.
     * {@code what} ends the message: "an id may have at most 64".
     */
    static void check(String text, long limit, String field, String where, String what) {
        if (text != null && text.length() > limit) {
            throw new ImportException(where + ": field '" + field + "' is " + size(text.length(), "characters") + "; "
                    + what);
        }
    }

    static void checkId(String id, String field, String where) {
        check(id, ID, field, where, "an id may have at most " + ID);
    }
}
