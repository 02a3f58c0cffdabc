package dev.domaindesk.api;

import java.util.Locale;

/** Sizes for messages about limits. */
final class StoreLimits {
    private StoreLimits() {
    }

    /** 8193 as "8,193"; a size over a megabyte also in MB ("10,485,760 (10.0 MB)"). */
    static String size(long n) {
        String exact = String.format(Locale.ROOT, "%,d", n);
        return n < 1_048_576 ? exact : exact + String.format(Locale.ROOT, " (%.1f MB)", n / 1_048_576.0);
    }
}
