package dev.domaindesk.files;

import dev.domaindesk.domains.DomainName;
import dev.domaindesk.domains.InvalidDomainNameException;
import dev.domaindesk.domains.RecordType;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks an imported record's value as the zone format will need it, so that nothing an import accepts can make a
 * later export fail: MX preference 0-65535 and exchange a domain name (RFC 1035 3.3.9), CNAME target a domain
 * name (3.3.1), TXT at most {@link #MAX_TXT_BYTES}. Names go through {@link DomainName}, the one parser.
 */
final class RecordValues {
    /**
     * A TXT value's limit in UTF-8 bytes: what the store's value column holds (8,192 characters) for ASCII, and 33
     * character-strings of at most 255 bytes on export, far below RFC 1035's 65,535-byte RDATA.
     */
    static final int MAX_TXT_BYTES = 8192;
    private static final Pattern LEADING_PREFERENCE = Pattern.compile("(\\d+)\\s+\\S.*", Pattern.DOTALL);

    private RecordValues() {
    }

    /** Throws {@link ImportException} starting with {@code at} and naming the field. */
    static void check(RecordType type, String value, Integer priority, String at) {
        switch (type) {
            case TXT -> {
                int bytes = value.getBytes(StandardCharsets.UTF_8).length;
                if (bytes > MAX_TXT_BYTES) {
                    throw new ImportException(at + ": field 'value' is " + StoreLimits.size(bytes, "bytes")
                            + " in UTF-8; a TXT value may have at most " + StoreLimits.size(MAX_TXT_BYTES, "bytes"));
                }
            }
            case MX -> {
                String text = value.strip();
                Matcher m = LEADING_PREFERENCE.matcher(text);
                if (m.matches()) {
                    preference(m.group(1), at);
                } else if (priority == null) {
                    throw new ImportException(at + ": MX record has no preference: set field 'priority' or write the"
                            + " value as \"10 host\"");
                }
                name("MX exchange", m.matches() ? text.substring(m.group(1).length()).strip() : text, at);
            }
            case CNAME -> name("CNAME target", value, at);
            default -> throw new IllegalStateException(type.name());
        }
        // the checks above are stricter for today's types; this keeps the store's column limit for any type
        StoreLimits.check(value, StoreLimits.VALUE, "value", at,
                "the store keeps at most " + StoreLimits.size(StoreLimits.VALUE, "characters"));
    }

    private static void preference(String digits, String at) {
        // compared as text first: 99999999999 does not fit an int (leading zeros do not count)
        String significant = digits.replaceFirst("^0+(?=\\d)", "");
        if (significant.length() > 5 || Integer.parseInt(significant) > 65535) {
            throw new ImportException(at + ": field 'value': the MX preference " + digits + " is not from 0 to 65535");
        }
    }

    private static void name(String what, String host, String at) {
        try {
            DomainName.parseRecordName(host);
        } catch (InvalidDomainNameException e) {
            throw new ImportException(at + ": field 'value': the " + what + " " + e.getMessage());
        }
    }
}
