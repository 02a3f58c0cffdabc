package dev.domaindesk.verification;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * When check_host's result cannot depend on the domain it runs for (RFC 7208), so one evaluation can stand for every
 * domain publishing the same SPF records. Conservative: anything unusual counts as depending on the domain.
 */
final class SpfSharing {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** Letters, digits, '-' and '_' in labels of at most 63 characters, at least two labels, no trailing dot. */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_-]{1,63}(\\.[A-Za-z0-9_-]{1,63})+");

    private SpfSharing() {
    }

    /**
     * Whether check_host may treat {@code domain} differently from another name beyond naming it: jSPF's initial
     * checks (RFC 7208 section 4.3: an FQDN, labels of at most 63 characters) decide on the name itself, so only
     * plain names share results.
     */
    static boolean plainName(String domain) {
        return domain.length() <= 253 && PLAIN_NAME.matcher(domain).matches();
    }

    /**
     * Whether a TXT string may make check_host depend on the domain or the sender: a macro (RFC 7208 section 7;
     * %{s}, %{l}, %{o} name the original sender even inside an include), {@code a}, {@code mx} or {@code ptr}
     * without a domain-spec (sections 5.3, 5.4, 5.5: the current domain), or {@code exp=} (section 6.2). Any
     * character outside printable ASCII counts too, rather than guessing how jSPF splits such a record.
     */
    static boolean mayDependOnDomain(String txt) {
        for (int i = 0; i < txt.length(); i++) {
            char c = txt.charAt(i);
            if (c == '%' || c < ' ' || c > '~') {
                return true;
            }
        }
        for (String token : WHITESPACE.split(txt.toLowerCase(Locale.ROOT))) {
            String t = !token.isEmpty() && "+-~?".indexOf(token.charAt(0)) >= 0 ? token.substring(1) : token;
            int end = 0;
            while (end < t.length() && ":/=".indexOf(t.charAt(end)) < 0) {
                end++;
            }
            String name = t.substring(0, end);
            if (name.equals("exp")) {
                return true;
            }
            boolean domainSpec = end + 1 < t.length() && t.charAt(end) == ':' && t.charAt(end + 1) != '/';
            if ((name.equals("a") || name.equals("mx") || name.equals("ptr")) && !domainSpec) {
                return true;
            }
        }
        return false;
    }
}
