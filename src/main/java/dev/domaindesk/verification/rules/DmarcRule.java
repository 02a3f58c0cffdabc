package dev.domaindesk.verification.rules;

import dev.domaindesk.domains.CheckState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * DMARC as RFC 7489 applies it: the one TXT at {@code _dmarc.<domain>} that begins with {@code v=DMARC1}
 * (section 6.4; anything else there is discarded, section 6.6.3), its policy as receivers read it (a missing or
 * invalid {@code p} with a valid {@code rua} counts as {@code p=none}; invalid optional tags are ignored, section
 * 6.3; {@code pct} below 100 applies the next weaker policy to the rest, section 6.6.4), at least as strict as the
 * expected one. Other tags differing is reported as information.
 */
public final class DmarcRule {
    private static final List<String> POLICIES = List.of("none", "quarantine", "reject");
    private static final Pattern UINT = Pattern.compile("\\d{1,10}");
    private static final Pattern FO = Pattern.compile("[01ds](:[01ds])*");
    private static final Pattern URI = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*:[^\\s,!]+(![0-9]+[kmgt]?)?");
    /** Section 6.4: "v", optional spaces, "=", optional spaces, "DMARC1" (case-sensitive), then ';' or the end. */
    private static final Pattern VERSION = Pattern.compile("v[ \\t]*=[ \\t]*DMARC1[ \\t]*(;.*)?", Pattern.DOTALL);

    private DmarcRule() {
    }

    /**
     * The policy receivers apply, read from a valid record.
     *
     * @param p           the policy for the domain itself
     * @param sp          the policy for its subdomains, null when not given (then {@code p})
     * @param pct         the share of failing mail the policy applies to (100 when absent or invalid)
     * @param ignored     invalid optional tags, which receivers ignore
     * @param assumedNone true when {@code p} was missing or invalid and a valid {@code rua} made it {@code none}
     */
    public record Policy(String p, String sp, int pct, List<String> ignored, boolean assumedNone) {
        public Policy {
            ignored = List.copyOf(ignored);
        }

        /** The policy for the domain itself ({@code forSubdomain} false) or for a subdomain without its own record. */
        String requested(boolean forSubdomain) {
            return forSubdomain && sp != null ? sp : p;
        }

        /** What every failing message gets at least: below 100 %, the rest gets the next weaker policy. */
        String guaranteed(boolean forSubdomain) {
            int level = POLICIES.indexOf(requested(forSubdomain));
            return POLICIES.get(pct < 100 ? Math.max(0, level - 1) : level);
        }
    }

    /** A DMARC record as receivers find it: begins with exactly {@code v=DMARC1} (section 6.4). */
    public static boolean isDmarc(String txt) {
        return VERSION.matcher(txt).matches();
    }

    /** Meant as a DMARC record, but written so receivers discard it (a leading space or BOM, other letter case). */
    static boolean looksLikeDmarc(String txt) {
        // a byte-order mark as text, or as the escaped UTF-8 bytes dnsjava shows for a TXT string
        String bare = TxtRule.unquote(txt).replace("\uFEFF", "").replace("\\239\\187\\191", "").strip()
                .toLowerCase(Locale.ROOT);
        return bare.matches("v\\s*=\\s*dmarc1\\s*(;.*)?");
    }

    /** True when no TXT at the name is, or is meant as, a DMARC record: receivers then look at the organisational domain. */
    public static boolean noneMeant(List<String> txts) {
        return txts.stream().noneMatch(t -> isDmarc(t) || looksLikeDmarc(t));
    }

    public static Evaluation evaluate(String name, String expected, List<String> txts) {
        List<String> records = txts.stream().filter(DmarcRule::isDmarc).toList();
        if (records.isEmpty()) {
            for (String t : txts) {
                if (isDmarc(TxtRule.unquote(t))) {
                    return Evaluation.of(CheckState.MISMATCH, txts, Diagnoses.quotedValue(expected, t));
                }
                if (looksLikeDmarc(t)) {
                    return Evaluation.of(CheckState.MISMATCH, txts, Diagnoses.dmarcInvalid(t, "it must begin with exactly"
                            + " 'v=DMARC1' (no leading space or byte-order mark, DMARC1 in capitals), or receivers"
                            + " discard it"));
                }
            }
            return Evaluation.of(CheckState.MISMATCH, txts, Diagnoses.valueMismatch(expected, txts));
        }
        if (records.size() > 1) {
            return Evaluation.of(CheckState.MISMATCH, txts, Diagnoses.multipleDmarc(name, records));
        }
        String found = records.get(0);
        Map<String, String> tags = tags(found);
        Policy policy;
        try {
            policy = policy(tags);
        } catch (IllegalArgumentException discarded) {
            return Evaluation.of(CheckState.MISMATCH, txts, Diagnoses.dmarcInvalid(found, discarded.getMessage()));
        }
        Map<String, String> wanted = tags(expected);
        String required = required(expected);
        String guaranteed = policy.guaranteed(false);
        if (POLICIES.indexOf(guaranteed) < POLICIES.indexOf(required)) {
            return Evaluation.of(CheckState.MISMATCH, txts, Diagnoses.dmarcWeaker(required, policy.p(), policy.pct()));
        }
        Evaluation verified = Evaluation.of(CheckState.VERIFIED, txts);
        if (policy.assumedNone()) {
            verified = verified.with(Diagnoses.dmarcPolicyAssumed(found));
        }
        if (!policy.ignored().isEmpty()) {
            verified = verified.with(Diagnoses.dmarcTagsIgnored(policy.ignored()));
        }
        List<String> differences = differences(wanted, tags);
        return differences.isEmpty() ? verified
                : verified.with(Diagnoses.tagsDiffer("Other DMARC tags differ from the suggested record (fine): "
                + String.join("; ", differences) + "."));
    }

    /** The policy the expected record asks for (none when it names none). */
    public static String required(String expected) {
        String p = tags(expected).get("p");
        return p != null && POLICIES.contains(p.toLowerCase(Locale.ROOT)) ? p.toLowerCase(Locale.ROOT) : "none";
    }

    /**
     * The verdict when {@code _dmarc.<domain>} has no DMARC record and receivers use the organisational domain's
     * (section 6.6.3): its {@code sp} or else {@code p}, weakened by its {@code pct}. {@code orgTxts} are the TXT
     * records at {@code _dmarc.<orgDomain>}; {@code missing} is the verdict on the domain's own name.
     */
    public static Evaluation fromOrganizationalDomain(Evaluation missing, String expected, String orgDomain,
                                                      List<String> orgTxts) {
        List<String> records = orgTxts.stream().filter(DmarcRule::isDmarc).toList();
        if (records.size() != 1) {
            return missing;
        }
        Policy policy;
        try {
            policy = policy(tags(records.get(0)));
        } catch (IllegalArgumentException discarded) {
            return missing;
        }
        String required = required(expected);
        String guaranteed = policy.guaranteed(true);
        if (POLICIES.indexOf(guaranteed) < POLICIES.indexOf(required)) {
            return missing.with(Diagnoses.dmarcOrganizational(orgDomain, policy, required, false));
        }
        return new Evaluation(CheckState.VERIFIED, missing.found(), List.of(
                Diagnoses.dmarcOrganizational(orgDomain, policy, required, true)));
    }

    /** The tags in order, names lower case; a missing trailing ';' and spaces around '=' do not matter. */
    static Map<String, String> tags(String record) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String part : record.split(";")) {
            String p = part.strip();
            int eq = p.indexOf('=');
            if (!p.isEmpty()) {
                String key = (eq < 0 ? p : p.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
                tags.putIfAbsent(key, eq < 0 ? null : p.substring(eq + 1).strip());
            }
        }
        return tags;
    }

    /**
     * The policy receivers read from a record that begins with v=DMARC1; throws when they discard it (no valid
     * {@code p} and no valid {@code rua}, section 6.6.3), its message saying why.
     */
    static Policy policy(Map<String, String> tags) {
        List<String> ignored = new ArrayList<>();
        check(ignored, tags, "sp", v -> POLICIES.contains(v.toLowerCase(Locale.ROOT)), "none, quarantine or reject");
        check(ignored, tags, "adkim", v -> Set.of("r", "s").contains(v.toLowerCase(Locale.ROOT)), "r or s");
        check(ignored, tags, "aspf", v -> Set.of("r", "s").contains(v.toLowerCase(Locale.ROOT)), "r or s");
        check(ignored, tags, "pct", v -> UINT.matcher(v).matches() && Long.parseLong(v) <= 100, "0 to 100");
        check(ignored, tags, "ri", v -> UINT.matcher(v).matches(), "a number of seconds");
        check(ignored, tags, "fo", v -> FO.matcher(v.toLowerCase(Locale.ROOT)).matches(), "0, 1, d or s, separated by ':'");
        check(ignored, tags, "rf", v -> v.toLowerCase(Locale.ROOT).matches("[a-z0-9-]+(:[a-z0-9-]+)*"), "afrf");
        check(ignored, tags, "rua", DmarcRule::anyUri, "URIs such as mailto:dmarc@example.com");
        check(ignored, tags, "ruf", DmarcRule::anyUri, "URIs such as mailto:dmarc@example.com");
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            if (tag.getValue() == null) {
                ignored.add("'" + tag.getKey() + "' has no value (tags are written name=value)");
            }
        }
        String p = tags.get("p");
        boolean validP = p != null && POLICIES.contains(p.toLowerCase(Locale.ROOT));
        boolean validRua = tags.get("rua") != null && anyUri(tags.get("rua"));
        if (!validP && !validRua) {
            throw new IllegalArgumentException(p == null
                    ? "the policy tag p is missing (p=none, p=quarantine or p=reject) and there is no valid rua, so"
                    + " receivers discard the record"
                    : "p=" + p + " is not a policy (none, quarantine or reject) and there is no valid rua, so receivers"
                    + " discard the record");
        }
        if (!validP && p != null) {
            ignored.add("p=" + p + " is not valid (expected none, quarantine or reject)");
        }
        String sp = tags.get("sp");
        boolean validSp = sp != null && POLICIES.contains(sp.toLowerCase(Locale.ROOT));
        String pct = tags.get("pct");
        boolean validPct = pct != null && UINT.matcher(pct).matches() && Long.parseLong(pct) <= 100;
        return new Policy(validP ? p.toLowerCase(Locale.ROOT) : "none", validSp ? sp.toLowerCase(Locale.ROOT) : null,
                validPct ? Integer.parseInt(pct) : 100, ignored, !validP);
    }

    /** Section 6.3: rua and ruf are URIs; one valid one is enough (the invalid ones are ignored). */
    private static boolean anyUri(String value) {
        for (String uri : value.split(",")) {
            if (URI.matcher(uri.strip()).matches()) {
                return true;
            }
        }
        return false;
    }

    private static void check(List<String> bad, Map<String, String> tags, String tag,
                              java.util.function.Predicate<String> valid, String allowed) {
        String value = tags.get(tag);
        if (value != null && !valid.test(value)) {
            bad.add(tag + "=" + value + " is not valid (expected " + allowed + ")");
        }
    }

    private static List<String> differences(Map<String, String> wanted, Map<String, String> found) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> w : wanted.entrySet()) {
            if (w.getKey().equals("v") || w.getKey().equals("p")) {
                continue;
            }
            String f = found.get(w.getKey());
            if (f == null) {
                out.add(w.getKey() + " not set (suggested " + w.getValue() + ")");
            } else if (!f.equalsIgnoreCase(w.getValue())) {
                out.add(w.getKey() + "=" + f + " (suggested " + w.getValue() + ")");
            }
        }
        return out;
    }
}
