package dev.domaindesk.verification.rules;

import dev.domaindesk.domains.Diagnosis;
import dev.domaindesk.domains.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The diagnoses, one factory per stable code, each with a plain-English message naming the values. */
public final class Diagnoses {
    private Diagnoses() {
    }

    static String quote(List<String> values) {
        return values.isEmpty() ? "nothing" : values.stream().map(v -> "'" + v + "'").collect(Collectors.joining(", "));
    }

    public static Diagnosis zoneAppendedName(String name, String doubled) {
        return new Diagnosis("ZONE_APPENDED", Severity.ERROR, "The record exists at " + doubled + " instead of " + name
                + ": your DNS provider appended the zone to the name. Enter only the host part in the name field.");
    }

    public static Diagnosis zoneAppendedValue(String expected, String found) {
        return new Diagnosis("ZONE_APPENDED", Severity.ERROR, "The value points to " + found + " instead of " + expected
                + ": your DNS provider appended the zone. Enter the value with a trailing dot (" + expected + ".).");
    }

    public static Diagnosis quotedValue(String expected, String found) {
        return new Diagnosis("QUOTED_VALUE", Severity.ERROR, "The value carries literal quotes ('" + found
                + "'): enter it without the quote characters: " + expected, expected);
    }

    public static Diagnosis valueCase(String expected, String found) {
        return new Diagnosis("VALUE_CASE", Severity.ERROR, "The value differs only in letter case: expected '" + expected
                + "', found '" + found + "'. Tokens are case-sensitive.", expected);
    }

    public static Diagnosis valueMismatch(String expected, List<String> found) {
        return new Diagnosis("VALUE_MISMATCH", Severity.ERROR, "Expected '" + expected + "', found " + quote(found) + ".");
    }

    public static Diagnosis tagsDiffer(String what) {
        return new Diagnosis("VALUE_MISMATCH", Severity.INFO, what);
    }

    public static Diagnosis multipleSpf(String name, List<String> spfs, String merged) {
        return new Diagnosis("MULTIPLE_SPF", Severity.ERROR, spfs.size() + " SPF records at " + name + " (" + quote(spfs)
                + "); receivers treat that as a permanent error. Merge them into one: " + merged, merged);
    }

    /** The expected sender does not get the expected result from the found record. */
    public static Diagnosis spfIncludeMissing(SpfRule.Sender sender, String found) {
        String who = sender(sender.term());
        if (sender.probe() == null) {
            return new Diagnosis("SPF_INCLUDE_MISSING", Severity.ERROR, "The SPF record '" + found + "' does not reach "
                    + sender.term() + "; add it before the 'all' term.");
        }
        return new Diagnosis("SPF_INCLUDE_MISSING", Severity.ERROR, "Receivers evaluating '" + found + "' give "
                + who + " (checked with " + sender.probe() + ") the result '" + sender.found().result()
                + "' where the expected record gives '" + sender.expected().result() + "': it does not reach "
                + sender.term() + ". Add " + sender.term() + " before the 'all' term.");
    }

    /** "amazonses.com's servers" for include:amazonses.com, "192.0.2.1" for ip4:192.0.2.1. */
    private static String sender(String term) {
        int colon = term.indexOf(':');
        String value = colon < 0 ? term : term.substring(colon + 1);
        return term.toLowerCase(Locale.ROOT).replaceFirst("^[+]", "").startsWith("include:")
                ? Names.normalize(value) + "'s servers" : value;
    }

    public static Diagnosis spfSenderReached(SpfRule.Sender sender) {
        return new Diagnosis("SPF_SENDER_REACHED", Severity.INFO, "Receivers give " + sender(sender.term()) + " '"
                + sender.found().result() + "' as expected, through " + String.join(" and then ", sender.path()) + ".");
    }

    public static Diagnosis spfAfterAll(String term, String all) {
        return new Diagnosis("SPF_AFTER_ALL", Severity.ERROR, "'" + term + "' comes after '" + all + "': receivers stop"
                + " at '" + all + "' and never evaluate it (RFC 7208 section 5.1). Move it before '" + all + "'.");
    }

    public static Diagnosis spfSyntax(List<String> problems) {
        return new Diagnosis("SPF_SYNTAX", Severity.ERROR, "The SPF record has a syntax error: " + String.join("; ", problems)
                + ". Receivers reject the whole record (permanent error), so no sender passes.");
    }

    public static Diagnosis spfIncludeWithoutSpf(List<String> names) {
        return new Diagnosis("SPF_INCLUDE_NO_SPF", Severity.ERROR, "The SPF record includes " + String.join(", ", names)
                + ", which publish" + (names.size() == 1 ? "es" : "") + " no SPF record; receivers then reject the whole"
                + " record (permanent error). Remove the include or correct its name.");
    }

    public static Diagnosis spfVoidLookups(int voids) {
        return new Diagnosis("SPF_VOID_LOOKUPS", Severity.ERROR, "Evaluating the SPF record meets " + voids
                + " names that do not exist or have no such record; RFC 7208 allows 2 such void lookups, so receivers"
                + " fail it with a permanent error. Remove the terms that name them.");
    }

    public static Diagnosis spfTooManyLookups(int terms) {
        return new Diagnosis("SPF_TOO_MANY_LOOKUPS", Severity.ERROR, "Evaluating the SPF record reached " + terms
                + " DNS-querying terms (include, a, mx, ptr, exists, redirect); RFC 7208 allows 10, so receivers fail it"
                + " with a permanent error. Remove includes you do not need or flatten them.");
    }

    public static Diagnosis spfPermerror(String detail) {
        return new Diagnosis("SPF_PERMERROR", Severity.ERROR, "Evaluating the SPF record ends in a permanent error ("
                + detail + "); receivers reject it.");
    }

    public static Diagnosis spfTemperror(String detail) {
        return new Diagnosis("SPF_TEMPERROR", Severity.ERROR, "A DNS lookup failed while evaluating the SPF record ("
                + detail + "), so receivers would defer the mail (temporary error); the record's verified state is kept"
                + " and the next check tries again.");
    }

    public static Diagnosis multipleDmarc(String name, List<String> records) {
        return new Diagnosis("MULTIPLE_DMARC", Severity.ERROR, records.size() + " DMARC records at " + name + " ("
                + quote(records) + "); receivers then ignore DMARC entirely. Keep exactly one.");
    }

    public static Diagnosis dmarcInvalid(String found, String problem) {
        return new Diagnosis("DMARC_INVALID", Severity.ERROR, "The DMARC record '" + found + "' is invalid: " + problem + ".");
    }

    public static Diagnosis dmarcWeaker(String expectedPolicy, String foundPolicy, int pct) {
        String why = pct < 100 ? " with pct=" + pct + ": it applies to " + pct + "% of failing mail and the rest gets "
                + (foundPolicy.equals("reject") ? "quarantine" : "none") + ", so not all failing mail gets at least "
                + expectedPolicy : " is weaker than the required p=" + expectedPolicy;
        return new Diagnosis("DMARC_WEAKER_POLICY", Severity.ERROR, "The DMARC policy p=" + foundPolicy + why
                + (pct < 100 ? ". Remove pct (or set pct=100)." : "."));
    }

    public static Diagnosis dmarcPolicyAssumed(String found) {
        return new Diagnosis("DMARC_POLICY_ASSUMED", Severity.WARNING, "The DMARC record '" + found + "' has no valid"
                + " policy tag p; since it has a valid rua, receivers treat it as p=none. Add p=none (or stricter).");
    }

    public static Diagnosis dmarcTagsIgnored(List<String> problems) {
        return new Diagnosis("DMARC_TAG_IGNORED", Severity.WARNING, "Receivers ignore invalid DMARC tags: "
                + String.join("; ", problems) + ".");
    }

    public static Diagnosis dmarcOrganizational(String orgDomain, DmarcRule.Policy policy, String required, boolean meets) {
        String applied = policy.sp() != null ? "sp=" + policy.sp() : "p=" + policy.p();
        String pct = policy.pct() < 100 ? " with pct=" + policy.pct() + " (the rest gets " + policy.guaranteed(true) + ")" : "";
        return meets
                ? new Diagnosis("DMARC_ORGANIZATIONAL", Severity.INFO, "No DMARC record at this name: receivers use the"
                + " organisational domain's record at _dmarc." + orgDomain + " (" + applied + pct + "), which meets the"
                + " required p=" + required + ".")
                : new Diagnosis("DMARC_ORGANIZATIONAL", Severity.ERROR, "No DMARC record at this name: receivers use the"
                + " organisational domain's record at _dmarc." + orgDomain + " (" + applied + pct + "), which is weaker"
                + " than the required p=" + required + ". Publish the record here.");
    }

    public static Diagnosis mxConflict(Severity severity, String expected, int preference, List<String> others) {
        String why = severity == Severity.ERROR
                ? " at a preference equal to or lower than " + preference + ", so they would receive the mail instead of " + expected
                : " only at higher preferences than " + preference + " (backups); mail goes to " + expected + " first";
        return new Diagnosis("MX_CONFLICT", severity, "Other mail exchangers are listed: " + String.join(", ", others) + why + ".");
    }

    public static Diagnosis mxPriority(String host, int expected, int found) {
        return new Diagnosis("MX_PRIORITY", Severity.WARNING, host + " is listed with preference " + found
                + " instead of " + expected + ".");
    }

    public static Diagnosis cnameFlattened(Severity severity, String name, List<String> found) {
        String what = severity == Severity.ERROR
                ? " answers with addresses (" + String.join(", ", found) + ") and no CNAME: the CNAME is proxied or flattened"
                + " by the DNS provider. Turn proxying/flattening off for this record."
                : " answers with the target's TXT record but no CNAME (flattened by the DNS provider); it works today, but"
                + " will not follow changes of the target.";
        return new Diagnosis("CNAME_FLATTENED", severity, name + what);
    }

    public static Diagnosis cnameConflict(String name, List<String> aliases) {
        return new Diagnosis("CNAME_CONFLICT", Severity.ERROR, name + " is an alias (CNAME to " + String.join(", ", aliases)
                + "); a CNAME cannot coexist with other data at the same name. Remove the CNAME, then add the record.");
    }

    public static Diagnosis cnameBesideData(String name, List<String> aliases, String otherType, List<String> other) {
        return new Diagnosis("CNAME_CONFLICT", Severity.ERROR, name + " has a CNAME (to " + String.join(", ", aliases)
                + ") and also " + otherType + " data (" + quote(other) + "). A name with a CNAME can hold nothing else"
                + " (RFC 1034 section 3.6.2, RFC 2181 section 10.1), and resolvers disagree on which they return, so some"
                + " receivers see one and some the other. Keep only the record you need here.");
    }

    public static Diagnosis cnameChain(List<String> targets) {
        return new Diagnosis("CNAME_CHAIN", Severity.INFO, "The CNAME reaches " + targets.get(targets.size() - 1)
                + " through a chain of " + targets.size() + " (" + String.join(" → ", targets) + "); it works, but each"
                + " link is one more name that must keep resolving.");
    }

    public static Diagnosis wrongType(String name, String expectedType, String foundType, String value) {
        return new Diagnosis("WRONG_TYPE", Severity.ERROR, name + " has the value '" + value + "' as a " + foundType
                + " record; it must be a " + expectedType + " record.");
    }

    public static Diagnosis insteadOf(String name, String expected, String foundType, List<String> values) {
        return new Diagnosis("WRONG_TYPE", Severity.ERROR, name + " has " + foundType + " data (" + quote(values)
                + ") where a " + expected + " is required; replace it with the " + expected.split(" ")[0] + " record.");
    }

    public static Diagnosis nxdomain(String name) {
        return new Diagnosis("NXDOMAIN", Severity.ERROR, "The name " + name + " does not exist in DNS (NXDOMAIN).");
    }

    public static Diagnosis nodata(String name, String type) {
        return new Diagnosis("NODATA", Severity.ERROR, "The name " + name + " exists but has no " + type + " record.");
    }

    public static Diagnosis dnsTimeout(String name, String detail) {
        return new Diagnosis("DNS_TIMEOUT", Severity.ERROR, "No answer for " + name + " (" + detail
                + "); the record's verified state is kept until DNS answers.");
    }

    public static Diagnosis dnsUnreachable(String name, String detail) {
        return new Diagnosis("DNS_UNREACHABLE", Severity.ERROR, "Could not ask DNS about " + name + " (" + detail
                + "); the record's verified state is kept until DNS answers.");
    }

    public static Diagnosis dnsServfail(String name, String detail) {
        return new Diagnosis("DNS_SERVFAIL", Severity.ERROR, "The DNS server failed for " + name + " (" + detail
                + "); usually a broken zone or DNSSEC problem at the provider.");
    }

    public static Diagnosis dnsRefused(String name, String detail) {
        return new Diagnosis("DNS_REFUSED", Severity.ERROR, "The DNS server refused to answer for " + name + " (" + detail + ").");
    }

    public static Diagnosis notPropagated(String name, long negativeTtl, Instant until) {
        return new Diagnosis("NOT_PROPAGATED", Severity.WARNING, "The authoritative servers have the record at " + name
                + ", but the resolver does not yet: it cached the earlier negative answer (SOA minimum " + negativeTtl
                + " s). Expect it to appear by " + until + ".");
    }
}
