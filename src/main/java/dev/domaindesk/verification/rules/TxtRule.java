package dev.domaindesk.verification.rules;

import dev.domaindesk.domains.CheckState;
import java.util.List;
import java.util.Optional;

/** A TXT token (SES identity, site verification): some TXT at the name equals the expected value exactly. */
public final class TxtRule {
    private TxtRule() {
    }

    /** {@code txts}: each TXT record's character-strings joined with no separator. */
    public static Evaluation evaluate(String expected, List<String> txts) {
        if (txts.contains(expected)) {
            return Evaluation.of(CheckState.VERIFIED, txts);
        }
        return Evaluation.of(CheckState.MISMATCH, txts, near(expected, txts)
                .orElseGet(() -> Diagnoses.valueMismatch(expected, txts)));
    }

    /** QUOTED_VALUE or VALUE_CASE when a found value is the expected one but for quotes or letter case. */
    static Optional<dev.domaindesk.domains.Diagnosis> near(String expected, List<String> txts) {
        for (String found : txts) {
            if (unquote(found).equals(expected)) {
                return Optional.of(Diagnoses.quotedValue(expected, found));
            }
        }
        for (String found : txts) {
            if (unquote(found).equalsIgnoreCase(expected)) {
                return Optional.of(Diagnoses.valueCase(expected, found));
            }
        }
        return Optional.empty();
    }

    /** The value without literal quote characters (and the backslashes some panels add before them). */
    static String unquote(String value) {
        return value.replace("\\\"", "").replace("\"", "").strip();
    }
}
