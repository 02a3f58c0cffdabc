package dev.domaindesk.verification.rules;

import dev.domaindesk.domains.CheckState;
import java.util.List;
import dev.domaindesk.domains.Diagnosis;
import java.util.ArrayList;

/** A TXT token (SES identity, site verification): some TXT at the name equals the expected value exactly. */
public final class TxtRule {
    private TxtRule() {
    }

    /** {@code txts}: each TXT record's character-strings joined with no separator. */
    public static Evaluation evaluate(String expected, List<String> txts) {
        if (txts.contains(expected)) {
            return Evaluation.of(CheckState.VERIFIED, txts);
        }
        List<Diagnosis> near = near(expected, txts);
        return new Evaluation(CheckState.MISMATCH, txts, near.isEmpty() ? List.of(Diagnoses.valueMismatch(expected, txts)) : near);
    }

    /** QUOTED_VALUE and/or VALUE_CASE when a found value is the expected one but for quotes or letter case. */
    static List<Diagnosis> near(String expected, List<String> txts) {
        for (String found : txts) {
            String bare = unquote(found);
            if (bare.equalsIgnoreCase(expected)) {
                List<Diagnosis> out = new ArrayList<>();
                if (!bare.equals(found)) {
                    out.add(Diagnoses.quotedValue(expected, found));
                }
                if (!bare.equals(expected)) {
                    out.add(Diagnoses.valueCase(expected, found));
                }
                return out;
            }
        }
        return List.of();
    }

    /** The value without literal quote characters (and the backslashes some panels add before them). */
    static String unquote(String value) {
        return value.replace("\\\"", "").replace("\"", "");
    }
}
