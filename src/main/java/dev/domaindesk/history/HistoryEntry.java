package dev.domaindesk.history;

import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.Diagnosis;
import dev.domaindesk.domains.DnsRecord;
import java.time.Instant;
import java.util.List;

/**
 * One change in a record's check result: from {@code since} on, checks found {@code state}, {@code found} and
 * {@code diagnoses}, until the next entry of the same record (or, for the newest, the record's last check).
 */
public record HistoryEntry(String recordId, String domainId, Instant since, CheckState state, List<String> found,
                           List<Diagnosis> diagnoses) {
    public HistoryEntry {
        found = found == null ? List.of() : List.copyOf(found);
        diagnoses = diagnoses == null ? List.of() : List.copyOf(diagnoses);
    }

    /**
     * True when a check turned {@code before} into {@code after} with a different verdict, found values or diagnoses,
     * or checked it for the first time: only then does the history grow, so a store that is checked every few
     * minutes and never changes keeps one entry per record.
     */
    public static boolean isChange(DnsRecord before, DnsRecord after) {
        return before.lastChecked() == null || before.checkState() != after.checkState()
                || !before.found().equals(after.found()) || !before.diagnoses().equals(after.diagnoses());
    }
}
