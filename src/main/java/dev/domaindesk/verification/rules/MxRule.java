package dev.domaindesk.verification.rules;

import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.Severity;
import java.util.ArrayList;
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

    // One pass in loops: every MX answer of a bulk check is judged here, on the DNS thread, compiled by C1 only.
    public static Evaluation evaluate(String expectedHost, int expectedPreference, List<Mx> found, String zone) {
        List<String> shown = new ArrayList<>(found.size());
        List<Mx> others = new ArrayList<>(found.size());
        int ourPreference = Integer.MAX_VALUE;
        for (Mx mx : found) {
            shown.add(mx.toString());
            if (Names.same(mx.host(), expectedHost)) {
                ourPreference = Math.min(ourPreference, mx.preference());
            } else {
                others.add(mx);
            }
        }
        if (others.size() == found.size()) { // the expected host is not among them
            for (Mx mx : found) {
                if (Names.zoneAppended(expectedHost, mx.host(), zone)) {
                    return Evaluation.of(CheckState.MISMATCH, shown,
                            Diagnoses.zoneAppendedValue(Names.normalize(expectedHost), Names.normalize(mx.host())));
                }
            }
            return Evaluation.of(CheckState.MISMATCH, shown,
                    Diagnoses.valueMismatch(expectedPreference + " " + Names.normalize(expectedHost), shown));
        }
        Evaluation result = Evaluation.of(CheckState.VERIFIED, shown);
        if (ourPreference != expectedPreference) {
            result = result.with(Diagnoses.mxPriority(Names.normalize(expectedHost), expectedPreference, ourPreference));
        }
        List<String> taking = new ArrayList<>();
        List<String> backups = new ArrayList<>(others.size());
        for (Mx mx : others) {
            backups.add(mx.toString());
            if (mx.preference() <= ourPreference) {
                taking.add(mx.toString());
            }
        }
        if (!taking.isEmpty()) {
            return result.withState(CheckState.MISMATCH)
                    .with(Diagnoses.mxConflict(Severity.ERROR, Names.normalize(expectedHost), ourPreference, taking));
        }
        if (!others.isEmpty()) {
            return result.with(Diagnoses.mxConflict(Severity.WARNING, Names.normalize(expectedHost), ourPreference,
                    backups));
        }
        return result;
    }
}
