package dev.domaindesk.domains.ui;

import dev.domaindesk.domains.Diagnosis;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.ui.Badge;
import java.util.ArrayList;
import java.util.List;

/**
 * A record's verdict in plain words: what DomainDesk expects, what DNS returned, and why they differ; a diagnosis
 * whose fix is a value to publish carries that value, for its own copy button.
 */
public record RecordExplanation(String expected, String found, List<Line> lines, String purpose, ProviderEntry entry) {

    /** One diagnosis: its words, and the value to publish that fixes it (null: none). */
    public record Line(String text, String publish) {
    }

    public static RecordExplanation of(DnsRecord r, Badge badge) {
        return of(r, badge, "", null);
    }

    /** @param entry the record in the detected provider's words (null: no provider recognised) */
    public static RecordExplanation of(DnsRecord r, Badge badge, String purpose, ProviderEntry entry) {
        String priority = r.effectivePriority() == null ? "" : "  (priority " + r.effectivePriority() + ")";
        String expected = r.recordType() + "  " + r.name() + "  →  " + r.target() + priority;
        List<Line> lines = new ArrayList<>();
        for (Diagnosis d : r.diagnoses()) {
            String word = switch (d.severity()) {
                case ERROR -> "Problem: ";
                case WARNING -> "Warning: ";
                case INFO -> "Note: ";
            };
            lines.add(new Line(word + d.message(), d.publish()));
        }
        // one fact, one word: the badge says "broken" only for a verdict; a DNS error is no verdict either way
        if (r.regressed() && (r.checkState() == dev.domaindesk.domains.CheckState.MISSING
                || r.checkState() == dev.domaindesk.domains.CheckState.MISMATCH)) {
            lines.add(0, new Line("Problem: this record was verified before and is now broken.", null));
        } else if (r.regressed() && r.checkState() == dev.domaindesk.domains.CheckState.DNS_ERROR) {
            lines.add(0, new Line("Note: this record was verified at an earlier check; this time DNS could not be asked,"
                    + " so whether it still is is not known.", null));
        }
        return new RecordExplanation(expected, found(r, badge), lines, purpose, entry);
    }

    /** The diagnoses' words alone. */
    public List<String> diagnoses() {
        return lines.stream().map(Line::text).toList();
    }

    private static String found(DnsRecord r, Badge badge) {
        if (badge == Badge.CHECKING) {
            return "checking now…";
        }
        return switch (r.checkState()) {
            case UNCHECKED -> "not checked yet — press F5 to check now";
            case DNS_ERROR -> "DNS could not be asked (timeout or server failure); this is not a verdict";
            case MISSING -> r.found().isEmpty() ? "nothing: no " + r.recordType() + " record at " + r.name()
                    : String.join("\n", r.found());
            case VERIFIED, MISMATCH -> r.found().isEmpty() ? "(no values)" : String.join("\n", r.found());
        };
    }
}
