package dev.domaindesk.verification.rules;

import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.Diagnosis;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * SPF, judged as a receiver evaluates it (RFC 7208 section 4, check_host): the expected record stands for "the
 * expected sender's servers get this result". The found record meets it when, evaluated for an address of each
 * sender the expected record names, it gives the same result as the expected record does, and when receivers
 * would not reject it (permerror: a syntax error, an include of a name without SPF, over 10 DNS-querying terms,
 * over 2 void lookups, several SPF records). A lookup that fails (temperror) leaves the verdict a DNS error.
 */
public final class SpfRule {
    private static final Pattern ALL = Pattern.compile("[+?~-]?all", Pattern.CASE_INSENSITIVE);

    /** RFC 7208 section 4.6.4: at most 10 terms that cause DNS queries. */
    public static final int LOOKUP_LIMIT = 10;
    /** RFC 7208 section 4.6.4: at most 2 lookups that find nothing ("void lookups"). */
    public static final int VOID_LIMIT = 2;

    private SpfRule() {
    }

    /** One run of check_host: its result, DNS-querying terms met, void lookups, and a failure's detail. */
    public record Outcome(String result, int terms, int voids, String detail) {
        boolean temperror() {
            return "temperror".equals(result);
        }

        boolean permerror() {
            return "permerror".equals(result);
        }
    }

    /**
     * How the found record treats one sender of the expected record.
     *
     * @param term     the expected record's term standing for the sender ({@code include:amazonses.com})
     * @param probe    an address the sender's record authorises; null when it names none (then {@code held} decides)
     * @param expected check_host's result for the probe with the expected record in place; null without a probe
     * @param found    check_host's result for the probe with the found record; null without a probe
     * @param held     whether some record the found one reaches holds the term itself
     * @param path     the names through which the found record reaches the sender (empty: directly, or not at all)
     */
    public record Sender(String term, String probe, Outcome expected, Outcome found, boolean held, List<String> path) {
        public Sender {
            path = List.copyOf(path);
        }
    }

    /**
     * What the engine learnt about a single found SPF record.
     *
     * @param whole          check_host for an address no term matches, so the whole record is evaluated
     * @param syntaxProblems problems in the found record or a record it reaches
     * @param withoutSpf     include/redirect targets that publish no SPF record
     * @param withSeveralSpf include/redirect targets that publish more than one
     */
    public record Facts(String found, Outcome whole, List<String> syntaxProblems, List<String> withoutSpf,
                        List<String> withSeveralSpf, List<Sender> senders) {
        public Facts {
            syntaxProblems = List.copyOf(syntaxProblems);
            withoutSpf = List.copyOf(withoutSpf);
            withSeveralSpf = List.copyOf(withSeveralSpf);
            senders = List.copyOf(senders);
        }
    }

    /**
     * Whether {@code txt}, stripped, is "v=spf1" or starts with "v=spf1 " in any letter case. Compared in place, as
     * lower-casing it would (no character outside ASCII lower-cases to one of these), since every TXT record of every
     * domain checked comes here.
     */
    public static boolean isSpf(String txt) {
        int start = 0;
        int end = txt.length();
        while (start < end && Character.isWhitespace(txt.codePointAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(txt.codePointBefore(end))) {
            end--;
        }
        String version = "v=spf1";
        if (end - start < version.length() || (end - start > version.length() && txt.charAt(start + version.length()) != ' ')) {
            return false;
        }
        for (int i = 0; i < version.length(); i++) {
            char c = txt.charAt(start + i);
            char lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
            if (lower != version.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * What can be decided from the TXT records alone: no SPF record (maybe a quoted one), or several (RFC 7208
     * section 4.5: permerror). VERIFIED here means "exactly one SPF record: evaluate it with {@link #judge}".
     */
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
        return Evaluation.of(CheckState.VERIFIED, txts);
    }

    /** The found record's single SPF record, once {@link #evaluate} let it through. */
    public static String theSpf(List<String> txts) {
        return txts.stream().filter(SpfRule::isSpf).findFirst().orElseThrow();
    }

    /** The verdict on a single found SPF record from what evaluating it showed; {@code txts} are shown as found. */
    public static Evaluation judge(Facts f, List<String> txts) {
        if (!f.syntaxProblems().isEmpty()) {
            return Evaluation.of(CheckState.MISMATCH, txts, Diagnoses.spfSyntax(f.syntaxProblems()));
        }
        if (!f.withoutSpf().isEmpty()) {
            return Evaluation.of(CheckState.MISMATCH, txts, Diagnoses.spfIncludeWithoutSpf(f.withoutSpf()));
        }
        if (!f.withSeveralSpf().isEmpty()) {
            return Evaluation.of(CheckState.MISMATCH, txts, Diagnoses.spfPermerror(String.join(", ", f.withSeveralSpf())
                    + " publishes more than one SPF record"));
        }
        if (f.whole().permerror() && f.whole().terms() > LOOKUP_LIMIT) {
            return Evaluation.of(CheckState.MISMATCH, txts, Diagnoses.spfTooManyLookups(f.whole().terms()));
        }
        int voids = Math.max(f.whole().voids(), f.senders().stream().filter(s -> s.found() != null)
                .mapToInt(s -> s.found().voids()).max().orElse(0));
        if (voids > VOID_LIMIT && !f.whole().temperror()) {
            return Evaluation.of(CheckState.MISMATCH, txts, Diagnoses.spfVoidLookups(voids));
        }
        Outcome failed = firstTemperror(f);
        if (failed != null) {
            return Evaluation.of(CheckState.DNS_ERROR, txts, Diagnoses.spfTemperror(failed.detail()));
        }
        if (f.whole().permerror()) {
            return Evaluation.of(CheckState.MISMATCH, txts, Diagnoses.spfPermerror(f.whole().detail()));
        }
        List<Diagnosis> reached = new ArrayList<>();
        for (Sender s : f.senders()) {
            boolean meets = s.probe() == null ? s.held() : s.expected().result().equals(s.found().result());
            if (!meets) {
                SpfTerms terms = SpfTerms.parse(f.found());
                int all = terms.allIndex();
                boolean afterAll = all >= 0 && terms.terms().subList(all + 1, terms.terms().size()).stream()
                        .anyMatch(t -> t.canonical().equals(canonical(s.term())));
                return Evaluation.of(CheckState.MISMATCH, txts, afterAll
                        ? Diagnoses.spfAfterAll(s.term(), terms.terms().get(all).raw())
                        : Diagnoses.spfIncludeMissing(s, f.found()));
            }
            if (!s.path().isEmpty()) {
                reached.add(Diagnoses.spfSenderReached(s));
            }
        }
        Evaluation verified = Evaluation.of(CheckState.VERIFIED, txts);
        for (var d : reached) {
            verified = verified.with(d);
        }
        return verified;
    }

    private static Outcome firstTemperror(Facts f) {
        if (f.whole().temperror()) {
            return f.whole();
        }
        for (Sender s : f.senders()) {
            if (s.found() != null && s.found().temperror()) {
                return s.found();
            }
            if (s.expected() != null && s.expected().temperror()) {
                return s.expected();
            }
        }
        return null;
    }

    private static String canonical(String term) {
        SpfTerms parsed = SpfTerms.parse("v=spf1 " + term);
        return parsed.terms().isEmpty() ? term.toLowerCase(Locale.ROOT) : parsed.terms().get(0).canonical();
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
