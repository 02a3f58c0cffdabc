package dev.domaindesk.verification.rules;

import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.Severity;
import java.util.List;

/**
 * MX: the expected exchange is among the name's MX records. Another exchange at a preference equal to or lower
 * than the expected host's takes the mail (MX_CONFLICT, not verified); at higher preferences only, it is a backup
 * (MX_CONFLICT warning). The expected host at another preference: MX_PRIORITY warning.
 */
public final class MxRule {
    private MxRule() {
    }

    /** One MX record as found. */
    public record Mx(int preference, String host) {
        @Override
        public String toString() {
            return preference + " " + Names.normalize(host);
        }
    }

    public static Evaluation evaluate(String expectedHost, int expectedPreference, List<Mx> found, String zone) {
        List<String> shown = found.stream().map(Mx::toString).toList();
        List<Mx> ours = found.stream().filter(mx -> Names.same(mx.host(), expectedHost)).toList();
        if (ours.isEmpty()) {
            for (Mx mx : found) {
                if (Names.zoneAppended(expectedHost, mx.host(), zone)) {
                    return Evaluation.of(CheckState.MISMATCH, shown,
                            Diagnoses.zoneAppendedValue(Names.normalize(expectedHost), Names.normalize(mx.host())));
                }
            }
            return Evaluation.of(CheckState.MISMATCH, shown,
                    Diagnoses.valueMismatch(expectedPreference + " " + Names.normalize(expectedHost), shown));
        }
        int ourPreference = ours.stream().mapToInt(Mx::preference).min().orElseThrow();
        Evaluation result = Evaluation.of(CheckState.VERIFIED, shown);
        if (ourPreference != expectedPreference) {
            result = result.with(Diagnoses.mxPriority(Names.normalize(expectedHost), expectedPreference, ourPreference));
        }
        List<Mx> others = found.stream().filter(mx -> !Names.same(mx.host(), expectedHost)).toList();
        List<String> taking = others.stream().filter(mx -> mx.preference() <= ourPreference).map(Mx::toString).toList();
        if (!taking.isEmpty()) {
            return result.withState(CheckState.MISMATCH)
                    .with(Diagnoses.mxConflict(Severity.ERROR, Names.normalize(expectedHost), ourPreference, taking));
        }
        if (!others.isEmpty()) {
            return result.with(Diagnoses.mxConflict(Severity.WARNING, Names.normalize(expectedHost), ourPreference,
                    others.stream().map(Mx::toString).toList()));
        }
        return result;
    }
}
