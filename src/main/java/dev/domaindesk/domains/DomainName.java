package dev.domaindesk.domains;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A validated DNS name in its ASCII (punycode) form: lower case, no trailing dot.
 * The one parser used everywhere: command line, import, the add-domain dialog, the API.
 */
public record DomainName(String ascii) implements Comparable<DomainName> {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern URL = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://.*");

    public DomainName {
        if (ascii == null || ascii.isEmpty()) {
            throw new InvalidDomainNameException("the domain name is empty");
        }
    }

    /** Parses a domain an admin owns (e.g. {@code Example.COM.}, {@code bücher.example}). Underscores are refused. */
    public static DomainName parse(String input) {
        return parse(input, false);
    }

    /** Parses a record owner name, where labels such as {@code _dmarc} or {@code _amazonses} are allowed. */
    public static DomainName parseRecordName(String input) {
        return parse(input, true);
    }

    private static DomainName parse(String input, boolean allowUnderscore) {
        if (input == null || input.isBlank()) {
            throw new InvalidDomainNameException("the domain name is empty");
        }
        String text = input.strip();
        if (URL.matcher(text).matches() || text.contains("/")) {
            throw new InvalidDomainNameException("'" + input + "' is a URL, not a domain name; "
                    + suggestion(text));
        }
        if (text.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidDomainNameException("'" + input + "' contains whitespace; a domain name has none");
        }
        if (text.contains("@")) {
            throw new InvalidDomainNameException("'" + input + "' looks like an email address; enter only the part after @ ("
                    + text.substring(text.lastIndexOf('@') + 1) + ")");
        }
        if (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.startsWith("[") || text.contains(":") || IPV4.matcher(text).matches()) {
            throw new InvalidDomainNameException("'" + input + "' is an IP address, not a domain name");
        }
        if (text.isEmpty() || text.startsWith(".") || text.contains("..")) {
            throw new InvalidDomainNameException("'" + input + "' has an empty label (two dots in a row, or a leading dot)");
        }
        String ascii = toAscii(input, text);
        String[] labels = ascii.split("\\.");
        if (labels.length < 2) {
            throw new InvalidDomainNameException("'" + input + "' is a single label; enter a full domain such as "
                    + ascii + ".com");
        }
        if (ascii.getBytes(StandardCharsets.US_ASCII).length > 253) {
            throw new InvalidDomainNameException("'" + shorten(input) + "' is " + ascii.length()
                    + " octets long; a domain name may have at most 253");
        }
        for (String label : labels) {
            checkLabel(input, label, allowUnderscore);
        }
        if (labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
            throw new InvalidDomainNameException("'" + input + "' ends in a numeric label; top-level domains are not numeric");
        }
        return new DomainName(ascii);
    }

    private static String toAscii(String input, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        boolean plain = lower.chars().allMatch(c -> c < 128);
        if (plain) {
            return lower;
        }
        try {
            return IDN.toASCII(text, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new InvalidDomainNameException("'" + input + "' is not a valid internationalised name: " + e.getMessage());
        }
    }

    private static void checkLabel(String input, String label, boolean allowUnderscore) {
        if (label.length() > 63) {
            throw new InvalidDomainNameException("'" + shorten(input) + "' has a label of " + label.length()
                    + " characters (" + shorten(label) + "); a label may have at most 63");
        }
        if (label.startsWith("-") || label.endsWith("-")) {
            throw new InvalidDomainNameException("'" + input + "' has a label that starts or ends with a hyphen ('"
                    + label + "')");
        }
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || (allowUnderscore && c == '_');
            if (!ok) {
                String what = c == '_' ? "an underscore, which is allowed only in record names such as _dmarc"
                        : "the character '" + c + "'";
                throw new InvalidDomainNameException("'" + input + "' contains " + what);
            }
        }
    }

    private static String suggestion(String url) {
        String rest = url.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
        String authority = rest.split("[/?#]", 2)[0];
        String host = authority.substring(authority.lastIndexOf('@') + 1).replaceFirst(":\\d*$", "");
        try {
            return "did you mean '" + parse(host).ascii() + "'?";
        } catch (InvalidDomainNameException e) {
            return "enter only the host name, without scheme or path";
        }
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    /** The name for people: IDN labels shown in Unicode. */
    public String unicode() {
        // ToUnicode leaves a label without the ACE prefix as it is (RFC 3490, section 4.2), so most names need no pass
        return hasAceLabel() ? IDN.toUnicode(ascii, IDN.ALLOW_UNASSIGNED) : ascii;
    }

    private boolean hasAceLabel() {
        for (int start = 0; start >= 0 && start < ascii.length(); ) {
            if (ascii.regionMatches(true, start, "xn--", 0, 4)) {
                return true;
            }
            int dot = ascii.indexOf('.', start);
            start = dot < 0 ? -1 : dot + 1;
        }
        return false;
    }

    /** True when this name is {@code zone} or below it. */
    public boolean isWithin(DomainName zone) {
        return ascii.equals(zone.ascii) || ascii.endsWith("." + zone.ascii);
    }

    /** The part of this name before {@code zone} ({@code _dmarc} for {@code _dmarc.example.com}), or "@" at the apex. */
    public String relativeTo(DomainName zone) {
        if (ascii.equals(zone.ascii)) {
            return "@";
        }
        if (!isWithin(zone)) {
            return ascii + ".";
        }
        return ascii.substring(0, ascii.length() - zone.ascii.length() - 1);
    }

    @Override
    public int compareTo(DomainName other) {
        return ascii.compareTo(other.ascii);
    }

    @Override
    public String toString() {
        return ascii;
    }
}
