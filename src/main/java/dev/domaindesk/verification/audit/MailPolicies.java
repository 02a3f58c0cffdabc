package dev.domaindesk.verification.audit;

import dev.domaindesk.domains.Diagnosis;
import dev.domaindesk.domains.Severity;
import dev.domaindesk.verification.rules.OrganizationalDomain;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The receiving and reporting records judged from their text: null MX, DMARC report addresses, MTA-STS, TLS-RPT. */
public final class MailPolicies {
    private static final Pattern STS_ID = Pattern.compile("[A-Za-z0-9]{1,32}");
    private static final long MAX_AGE_LIMIT = 31_557_600L;

    private MailPolicies() {
    }

    /** An MX as published: preference and exchange (absolute, lower case, "." for the root). */
    public record Mx(int preference, String exchange) {
        boolean isNull() {
            return exchange.equals(".") || exchange.isEmpty();
        }
    }

    /** RFC 7505: a null MX ({@code 0 .}) says the domain accepts no mail; it must be the only MX (§3). */
    public static Optional<Diagnosis> nullMx(String domain, List<Mx> mxs) {
        if (mxs.stream().noneMatch(Mx::isNull)) {
            return Optional.empty();
        }
        if (mxs.size() > 1) {
            return Optional.of(new Diagnosis("NULL_MX_MIXED", Severity.ERROR, domain + " publishes a null MX (0 .) beside "
                    + "other MX records; a null MX must be the only one (RFC 7505 §3), so senders' behaviour is undefined."));
        }
        return Optional.of(new Diagnosis("NULL_MX", Severity.INFO, domain + " publishes a null MX (0 .): it accepts no "
                + "mail (RFC 7505). Receivers may refuse mail whose return address is at " + domain + " (RFC 7505 §4.2): "
                + "fine for a domain that only sends with another return-path domain, wrong if it should receive mail."));
    }

    /** The domains of a DMARC record's {@code rua}/{@code ruf} mailto addresses (RFC 7489 §6.3), lower case, in order. */
    public static List<String> reportDomains(String dmarc) {
        List<String> domains = new ArrayList<>();
        Map<String, String> tags = DkimKeys.tags(dmarc);
        for (String tag : List.of("rua", "ruf")) {
            for (String uri : tags.getOrDefault(tag, "").split(",")) {
                String u = uri.strip();
                int at = u.lastIndexOf('@');
                if (u.toLowerCase(Locale.ROOT).startsWith("mailto:") && at > 0) {
                    String host = u.substring(at + 1).replaceAll("!.*$", "").strip().toLowerCase(Locale.ROOT);
                    host = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
                    if (!host.isEmpty() && !domains.contains(host)) {
                        domains.add(host);
                    }
                }
            }
        }
        return domains;
    }

    /**
     * True when reports to {@code reportDomain} need its consent (RFC 7489 §7.1): its organisational domain differs from
     * {@code domain}'s. So {@code mail.example.co.uk} reporting to {@code example.co.uk} needs none, while
     * {@code example.co.uk} reporting to {@code other.co.uk} does, though both end in {@code co.uk}.
     */
    public static boolean external(String domain, String reportDomain) {
        return !OrganizationalDomain.of(domain).equals(OrganizationalDomain.of(reportDomain))
                || OrganizationalDomain.of(domain).isEmpty();
    }

    /** The TXT name by which {@code reportDomain} agrees to take {@code domain}'s reports (RFC 7489 §7.1). */
    public static String authorisationName(String domain, String reportDomain) {
        return domain + "._report._dmarc." + reportDomain;
    }

    /** RFC 7489 §7.1: authorised when a TXT record at the authorisation name starts with {@code v=DMARC1}. */
    public static Diagnosis reportAuthorisation(String domain, String reportDomain, List<String> txt) {
        String name = authorisationName(domain, reportDomain);
        boolean authorised = txt.stream().anyMatch(t -> t.strip().replace(" ", "").toUpperCase(Locale.ROOT).startsWith("V=DMARC1"));
        if (authorised) {
            return new Diagnosis("DMARC_REPORTS_AUTHORISED", Severity.INFO, reportDomain + " accepts " + domain
                    + "'s DMARC reports (" + name + " has v=DMARC1).");
        }
        return new Diagnosis("DMARC_REPORTS_UNAUTHORISED", Severity.WARNING, "DMARC reports go to " + reportDomain
                + ", outside " + domain + ", which has not agreed to take them: no TXT 'v=DMARC1' at " + name
                + " (RFC 7489 §7.1). Receivers will not send these reports.");
    }

    public static Diagnosis reportAuthorisationUnknown(String domain, String reportDomain, String detail) {
        return new Diagnosis("DMARC_REPORTS_UNKNOWN", Severity.INFO, "Could not check whether " + reportDomain
                + " accepts " + domain + "'s DMARC reports: " + detail + ".");
    }

    /** The single {@code v=STSv1} record at {@code _mta-sts} (RFC 8461 §3.1), or a finding why there is none. */
    public static StsRecord mtaStsRecord(String domain, List<String> txt) {
        List<String> sts = txt.stream().filter(t -> t.strip().startsWith("v=STSv1")).toList();
        String name = "_mta-sts." + domain;
        if (sts.isEmpty()) {
            return new StsRecord(null, new Diagnosis("MTA_STS_ABSENT", Severity.INFO, "No MTA-STS record at " + name
                    + ": senders may deliver to " + domain + " without TLS or with any certificate (RFC 8461)."));
        }
        if (sts.size() > 1) {
            return new StsRecord(null, invalidSts(name + " has " + sts.size() + " v=STSv1 records; senders ignore all of "
                    + "them (RFC 8461 §3.1)"));
        }
        Map<String, String> tags = DkimKeys.tags(sts.get(0));
        String id = tags.get("id");
        if (id == null || !STS_ID.matcher(id).matches()) {
            return new StsRecord(null, invalidSts("the record at " + name + " needs id= of 1 to 32 letters and digits "
                    + "(RFC 8461 §3.1), found " + (id == null ? "none" : "'" + id + "'")));
        }
        return new StsRecord(id, null);
    }

    /** The MTA-STS TXT record's {@code id}, or why there is no usable one. */
    public record StsRecord(String id, Diagnosis problem) {
    }

    /** Judges the policy file text (RFC 8461 §3.2) against the domain's MX hosts. */
    public static Diagnosis mtaStsPolicy(String domain, String id, String policy, List<Mx> mxs) {
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> patterns = new ArrayList<>();
        for (String line : policy.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                String value = line.substring(colon + 1).strip();
                if (key.equals("mx")) {
                    patterns.add(value.toLowerCase(Locale.ROOT));
                } else {
                    fields.putIfAbsent(key, value);
                }
            }
        }
        String where = "the policy at " + policyUrl(domain);
        if (!"STSv1".equals(fields.get("version"))) {
            return invalidSts(where + " lacks 'version: STSv1'");
        }
        String mode = fields.getOrDefault("mode", "");
        if (!List.of("enforce", "testing", "none").contains(mode)) {
            return invalidSts(where + " has mode '" + mode + "'; it must be enforce, testing or none");
        }
        long maxAge;
        try {
            maxAge = Long.parseLong(fields.getOrDefault("max_age", ""));
        } catch (NumberFormatException e) {
            maxAge = -1;
        }
        if (maxAge < 0 || maxAge > MAX_AGE_LIMIT) {
            return invalidSts(where + " needs max_age from 0 to " + MAX_AGE_LIMIT + " seconds");
        }
        if (!mode.equals("none") && patterns.isEmpty()) {
            return invalidSts(where + " lists no mx: lines, so no server can match in mode " + mode);
        }
        List<String> unmatched = mxs.stream().filter(m -> !m.isNull()).map(Mx::exchange)
                .filter(host -> patterns.stream().noneMatch(p -> matches(p, host))).toList();
        if (!mode.equals("none") && !unmatched.isEmpty()) {
            return new Diagnosis("MTA_STS_MX_UNLISTED", Severity.WARNING, "MTA-STS (mode " + mode + ", id " + id
                    + ") does not list " + String.join(", ", unmatched) + (mode.equals("enforce")
                    ? ": senders that enforce MTA-STS will not deliver there." : ": TLS reports will show failures."));
        }
        return new Diagnosis("MTA_STS", Severity.INFO, "MTA-STS published: mode " + mode + ", id " + id + ", max_age "
                + maxAge + " s, mx " + String.join(", ", patterns) + ".");
    }

    /** RFC 8461 §4.1: a pattern matches the host, or a "*." pattern matches exactly one more leftmost label. */
    static boolean matches(String pattern, String host) {
        String p = pattern.endsWith(".") ? pattern.substring(0, pattern.length() - 1) : pattern;
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (p.startsWith("*.")) {
            int dot = h.indexOf('.');
            return dot > 0 && h.substring(dot + 1).equals(p.substring(2));
        }
        return p.equals(h);
    }

    public static String policyUrl(String domain) {
        return "https://mta-sts." + domain + "/.well-known/mta-sts.txt";
    }

    public static Diagnosis mtaStsUnavailable(String domain, String why) {
        return new Diagnosis("MTA_STS_POLICY_UNAVAILABLE", Severity.WARNING, "The MTA-STS record is published but its "
                + "policy could not be fetched from " + policyUrl(domain) + " (" + why + "): senders treat the domain "
                + "as having no policy (RFC 8461 §3.3).");
    }

    private static Diagnosis invalidSts(String why) {
        return new Diagnosis("MTA_STS_INVALID", Severity.WARNING, "MTA-STS is not usable: " + why + ".");
    }

    /** RFC 8460 §3: one {@code v=TLSRPTv1} record at {@code _smtp._tls} with a {@code rua} of mailto: or https: URIs. */
    public static Diagnosis tlsRpt(String domain, List<String> txt) {
        String name = "_smtp._tls." + domain;
        List<String> rpt = txt.stream().filter(t -> t.strip().startsWith("v=TLSRPTv1")).toList();
        if (rpt.isEmpty()) {
            return new Diagnosis("TLS_RPT_ABSENT", Severity.INFO, "No TLS-RPT record at " + name
                    + ": senders send no reports of TLS failures (RFC 8460).");
        }
        if (rpt.size() > 1) {
            return new Diagnosis("TLS_RPT_INVALID", Severity.WARNING, name + " has " + rpt.size()
                    + " v=TLSRPTv1 records; senders use none of them (RFC 8460 §3).");
        }
        String rua = DkimKeys.tags(rpt.get(0)).getOrDefault("rua", "");
        List<String> uris = List.of(rua.split(",")).stream().map(String::strip).filter(u -> !u.isEmpty()).toList();
        if (uris.isEmpty() || uris.stream().anyMatch(u -> !u.startsWith("mailto:") && !u.startsWith("https:"))) {
            return new Diagnosis("TLS_RPT_INVALID", Severity.WARNING, "The TLS-RPT record at " + name
                    + " needs rua= with mailto: or https: addresses (RFC 8460 §3), found '" + rua + "'.");
        }
        return new Diagnosis("TLS_RPT", Severity.INFO, "TLS reports go to " + String.join(", ", uris) + ".");
    }
}
