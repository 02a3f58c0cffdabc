package dev.domaindesk.verification;

import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.Diagnosis;
import java.time.Instant;
import java.util.List;

/**
 * What one check concluded about one record.
 *
 * @param found     the values DNS returned (normalised for display: TXT strings joined, MX as "pref host")
 * @param diagnoses why it is not verified, or what is worth knowing although it is
 */
public record RecordVerdict(String recordId, CheckState state, List<String> found, List<Diagnosis> diagnoses,
                            Instant checkedAt) {
    public RecordVerdict {
        found = found == null ? List.of() : List.copyOf(found);
        diagnoses = diagnoses == null ? List.of() : List.copyOf(diagnoses);
        if (state == CheckState.UNCHECKED) {
            throw new IllegalArgumentException("a verdict cannot be 'unchecked'");
        }
    }

    public boolean verified() {
        return state == CheckState.VERIFIED;
    }
}
