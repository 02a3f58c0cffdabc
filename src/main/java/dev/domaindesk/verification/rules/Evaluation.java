package dev.domaindesk.verification.rules;

import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.Diagnosis;
import java.util.ArrayList;
import java.util.List;

/** A rule's conclusion: a state, the values found, and the diagnoses. Immutable; {@code with*} return copies. */
public record Evaluation(CheckState state, List<String> found, List<Diagnosis> diagnoses) {
    public Evaluation {
        found = List.copyOf(found);
        diagnoses = List.copyOf(diagnoses);
    }

    public static Evaluation of(CheckState state, List<String> found, Diagnosis... diagnoses) {
        return new Evaluation(state, found, List.of(diagnoses));
    }

    public boolean verified() {
        return state == CheckState.VERIFIED;
    }

    public Evaluation with(Diagnosis diagnosis) {
        List<Diagnosis> all = new ArrayList<>(diagnoses);
        all.add(diagnosis);
        return new Evaluation(state, found, all);
    }

    public Evaluation withState(CheckState newState) {
        return new Evaluation(newState, found, diagnoses);
    }

    /** The same, without diagnoses of {@code code} (e.g. NODATA once NOT_PROPAGATED explains it). */
    public Evaluation without(String code) {
        return new Evaluation(state, found, diagnoses.stream().filter(d -> !d.code().equals(code)).toList());
    }

    public boolean has(String code) {
        return diagnoses.stream().anyMatch(d -> d.code().equals(code));
    }
}
