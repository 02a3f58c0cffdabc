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
 * DMARC: exactly one TXT starting {@code v=DMARC1} at {@code _dmarc.<domain>}, valid under RFC 7489, with a policy
 * at least as strict as the expected one. Other tags differing is reported as information.
 */
public final class DmarcRule {
    private static final List<String> POLICIES = List.of("none", "quarantine", "reject");
    private static final Pattern UINT = Pattern.compile("\\d{1,10}");
    private static final Pattern FO = Pattern.compile("[01ds](:[01ds])*");
    private static final Pattern URI = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*:[^\\s,]+(![0-9]+[kmgt]?)?");

    private DmarcRule() {
    }

    public static boolean isDmarc(String txt) {
        return txt.strip().toLowerCase(Locale.ROOT).matches("v\\s*=\\s*dmarc1\\s*(;.*)?");
    }

    public static Evaluation evaluate(String name, String expected, List<String> txts) {
        List<String> records = txts.stream().filter(DmarcRule::isDmarc).toList();
        if (records.isEmpty()) {
            for (String t : txts) {
                if (isDmarc(TxtRule.unquote(t))) {
                    return Evaluation.of(CheckState.MISMATCH, txts, Diagnoses.quotedValue(expected, t));
                }
            }
            return Evaluation.of(CheckState.MISMATCH, txts, Diagnoses.valueMismatch(expected, txts));
        }
        if (records.size() > 1) {
            return Evaluation.of(CheckState.MISMATCH, txts, Diagnoses.multipleDmarc(name, records));
        }
        String found = records.get(0);
        Map<String, String> tags = tags(found);
        Optional<String> problem = problem(found, tags);
        if (problem.isPresent()) {
            return Evaluation.of(CheckState.MISMATCH, txts, Diagnoses.dmarcInvalid(found, problem.get()));
        }
        Map<String, String> wanted = tags(expected);
        String wantedPolicy = wanted.getOrDefault("p", "none").toLowerCase(Locale.ROOT);
        String foundPolicy = tags.get("p").toLowerCase(Locale.ROOT);
        if (POLICIES.indexOf(foundPolicy) < POLICIES.indexOf(wantedPolicy)) {
            return Evaluation.of(CheckState.MISMATCH, txts, Diagnoses.dmarcWeaker(wantedPolicy, foundPolicy));
        }
        Evaluation verified = Evaluation.of(CheckState.VERIFIED, txts);
        List<String> differences = differences(wanted, tags);
        return differences.isEmpty() ? verified
                : verified.with(Diagnoses.tagsDiffer("Other DMARC tags differ from the suggested record (fine): "
                + String.join("; ", differences) + "."));
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

    /** Why the record is invalid under RFC 7489, if it is. Unknown tags are ignored, as the RFC requires. */
    static Optional<String> problem(String record, Map<String, String> tags) {
        if (!record.strip().startsWith("v=DMARC1")) {
            return Optional.of("it must start with exactly 'v=DMARC1'");
        }
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            if (tag.getValue() == null) {
                return Optional.of("'" + tag.getKey() + "' has no value (tags are written name=value)");
            }
        }
        String p = tags.get("p");
        if (p == null) {
            return Optional.of("the policy tag p is missing (p=none, p=quarantine or p=reject)");
        }
        List<String> bad = new ArrayList<>();
        check(bad, tags, "p", v -> POLICIES.contains(v.toLowerCase(Locale.ROOT)), "none, quarantine or reject");
        check(bad, tags, "sp", v -> POLICIES.contains(v.toLowerCase(Locale.ROOT)), "none, quarantine or reject");
        check(bad, tags, "adkim", v -> Set.of("r", "s").contains(v.toLowerCase(Locale.ROOT)), "r or s");
        check(bad, tags, "aspf", v -> Set.of("r", "s").contains(v.toLowerCase(Locale.ROOT)), "r or s");
        check(bad, tags, "pct", v -> UINT.matcher(v).matches() && Long.parseLong(v) <= 100, "0 to 100");
        check(bad, tags, "ri", v -> UINT.matcher(v).matches(), "a number of seconds");
        check(bad, tags, "fo", v -> FO.matcher(v.toLowerCase(Locale.ROOT)).matches(), "0, 1, d or s, separated by ':'");
        check(bad, tags, "rf", v -> v.toLowerCase(Locale.ROOT).matches("[a-z0-9-]+(:[a-z0-9-]+)*"), "afrf");
        check(bad, tags, "rua", DmarcRule::uris, "comma-separated URIs such as mailto:dmarc@example.com");
        check(bad, tags, "ruf", DmarcRule::uris, "comma-separated URIs such as mailto:dmarc@example.com");
        return bad.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", bad));
    }

    private static boolean uris(String value) {
        for (String uri : value.split(",")) {
            if (!URI.matcher(uri.strip()).matches()) {
                return false;
            }
        }
        return true;
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
