package dev.domaindesk.verification;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * When check_host's result cannot depend on the domain it runs for (RFC 7208), so one evaluation can stand for every
 * domain publishing the same SPF records. Conservative: anything unusual counts as depending on the domain.
 */
final class SpfSharing {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private SpfSharing() {
    }

    /**
     * Whether check_host may treat {@code domain} differently from another name beyond naming it: jSPF's initial
     * checks (RFC 7208 section 4.3: an FQDN, labels of at most 63 characters) decide on the name itself, so only
     * plain names share results: letters, digits, '-' and '_' in two or more labels of 1 to 63 characters, no
     * trailing dot.
     */
    static boolean plainName(String domain) {
        int labels = 1;
        int label = 0;
        for (int i = 0; i < domain.length(); i++) {
            char c = domain.charAt(i);
            if (c == '.') {
                if (label == 0) {
                    return false;
                }
                labels++;
                label = 0;
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
                if (++label > 63) {
                    return false;
                }
            } else {
                return false;
            }
        }
        return labels >= 2 && label > 0 && domain.length() <= 253;
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
