package dev.domaindesk.verification.rules;

import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.Severity;
import java.util.ArrayList;
import java.util.List;

/** CNAME: the name is an alias whose target equals the expected one (case-insensitive, trailing dot ignored). */
public final class CnameRule {
    private CnameRule() {
    }

    public static Evaluation evaluate(String expectedTarget, List<String> targets, String zone) {
        // loops: every CNAME answer of a bulk check is judged here, on the DNS thread, compiled by C1 only
        List<String> shown = new ArrayList<>(targets.size());
        boolean expected = false;
        for (String t : targets) {
            shown.add(Names.normalize(t));
            expected |= Names.same(t, expectedTarget);
        }
        if (expected) {
            return Evaluation.of(CheckState.VERIFIED, shown);
        }
        for (String t : targets) {
            if (Names.zoneAppended(expectedTarget, t, zone)) {
                return Evaluation.of(CheckState.MISMATCH, shown,
                        Diagnoses.zoneAppendedValue(Names.normalize(expectedTarget), Names.normalize(t)));
            }
        }
        return Evaluation.of(CheckState.MISMATCH, shown, Diagnoses.valueMismatch(Names.normalize(expectedTarget), shown));
    }

    /** The name's CNAME leads to the expected target through further CNAMEs ({@code targets} in order). */
    public static Evaluation throughChain(List<String> targets) {
        return Evaluation.of(CheckState.VERIFIED, targets, Diagnoses.cnameChain(targets));
    }

    /** No CNAME, but addresses at the name: a proxied or flattened CNAME. */
    public static Evaluation flattenedToAddresses(String name, List<String> addresses) {
        return Evaluation.of(CheckState.MISMATCH, addresses, Diagnoses.cnameFlattened(Severity.ERROR, name, addresses));
    }

    /**
     * No CNAME, but TXT at the name: verified with a warning when it is the target's own TXT (flattened), otherwise
     * WRONG_TYPE (the target typed into a TXT record, or some other TXT, e.g. an old DKIM key, where the CNAME belongs).
     */
    public static Evaluation fromTxt(String name, String expectedTarget, List<String> nameTxt, List<String> targetTxt) {
        if (!nameTxt.isEmpty() && !targetTxt.isEmpty() && nameTxt.stream().sorted().toList()
                .equals(targetTxt.stream().sorted().toList())) {
            return Evaluation.of(CheckState.VERIFIED, nameTxt, Diagnoses.cnameFlattened(Severity.WARNING, name, nameTxt));
        }
        for (String txt : nameTxt) {
            if (Names.same(TxtRule.unquote(txt), expectedTarget)) {
                return Evaluation.of(CheckState.MISMATCH, nameTxt, Diagnoses.wrongType(name, "CNAME", "TXT", txt));
            }
        }
        return Evaluation.of(CheckState.MISMATCH, nameTxt, Diagnoses.insteadOf(name, "CNAME to " + Names.normalize(expectedTarget),
                "TXT", nameTxt));
    }
}
