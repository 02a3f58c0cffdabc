package dev.domaindesk.verification.rules;

import dev.domaindesk.domains.CheckState;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * SPF: exactly one TXT starting {@code v=spf1} at the name, containing every mechanism of the expected record
 * except {@code all}. The DNS-lookup limit is judged separately by {@link #withLookups}.
 */
public final class SpfRule {
    private static final Pattern ALL = Pattern.compile("[+?~-]?all", Pattern.CASE_INSENSITIVE);

    private SpfRule() {
    }

    public static boolean isSpf(String txt) {
        String lower = txt.strip().toLowerCase(Locale.ROOT);
        return lower.equals("v=spf1") || lower.startsWith("v=spf1 ");
    }

    public static Evaluation evaluate(String name, String expected, List<String> txts) {
        List<String> spfs = txts.stream().filter(SpfRule::isSpf).toList();
        if (spfs.isEmpty()) {
            for (String t : txts) {
                if (isSpf(TxtRule.unquote(t))) {
                    return Evaluation.of(CheckState.MISMATCH, txts, Diagnoses.quotedValue(expected, t));
                }
            }
            return Evaluation.of(CheckState.MISMATCH, txts, Diagnoses.valueMismatch(expected, txts));
        }
        if (spfs.size() > 1) {
            return Evaluation.of(CheckState.MISMATCH, txts, Diagnoses.multipleSpf(name, spfs, merge(spfs, expected)));
        }
        String found = spfs.get(0);
        Set<String> present = terms(found);
        List<String> missing = terms(expected).stream().filter(t -> !present.contains(t)).toList();
        if (!missing.isEmpty()) {
            return Evaluation.of(CheckState.MISMATCH, txts, Diagnoses.spfIncludeMissing(missing, found));
        }
        return Evaluation.of(CheckState.VERIFIED, txts);
    }

    /** RFC 7208 section 4.6.4: at most 10 terms that cause DNS queries. */
    public static final int LOOKUP_LIMIT = 10;

    /**
     * The verdict once jSPF has evaluated the published record: {@code outcome} is its result, {@code terms} the
     * DNS-querying terms it met. Over the limit: not verified. Another permerror: a warning. temperror: information.
     */
    public static Evaluation withEvaluation(Evaluation evaluation, String outcome, int terms) {
        if ("permerror".equals(outcome) && terms > LOOKUP_LIMIT) {
            return evaluation.withState(CheckState.MISMATCH).with(Diagnoses.spfTooManyLookups(terms));
        }
        if ("permerror".equals(outcome)) {
            return evaluation.with(Diagnoses.spfPermerror());
        }
        if ("temperror".equals(outcome)) {
            return evaluation.with(Diagnoses.spfNotEvaluated());
        }
        return evaluation;
    }

    /** The mechanisms and modifiers other than {@code v=spf1} and {@code all}, lower case, without a '+' qualifier. */
    static Set<String> terms(String spf) {
        Set<String> terms = new LinkedHashSet<>();
        for (String term : spf.strip().split("\\s+")) {
            String t = term.toLowerCase(Locale.ROOT);
            if (t.startsWith("+")) {
                t = t.substring(1);
            }
            if (!t.equals("v=spf1") && !t.isEmpty() && !ALL.matcher(t).matches()) {
                terms.add(t);
            }
        }
        return terms;
    }

    /** One record with every mechanism of the found ones and the expected one, ending with the expected 'all'. */
    static String merge(List<String> spfs, String expected) {
        Set<String> terms = new LinkedHashSet<>();
        spfs.forEach(s -> terms.addAll(terms(s)));
        terms.addAll(terms(expected));
        List<String> out = new ArrayList<>(List.of("v=spf1"));
        out.addAll(terms);
        for (String term : expected.strip().split("\\s+")) {
            if (ALL.matcher(term).matches()) {
                out.add(term);
            }
        }
        return String.join(" ", out);
    }
}
