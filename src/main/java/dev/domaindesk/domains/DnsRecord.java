package dev.domaindesk.domains;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One required DNS record, with the service's fields and DomainDesk's own check result.
 *
 * @param value        as the service writes it; for MX usually "10 host" with {@code priority} null
 * @param checkState   DomainDesk's last verdict; {@link CheckState#UNCHECKED} until checked
 * @param found        the values DNS returned at the last check, in answer order
 * @param regressed    true when this record was verified and a later check lost it
 * @param nextCheckAt  when the background scheduler should check it next (null: not scheduled)
 * @param serviceVerified the service's own isVerified as last synced (null: never synced)
 */
public record DnsRecord(
        String id,
        String domainId,
        RecordType recordType,
        String name,
        String value,
        Integer priority,
        boolean isRequired,
        boolean isVerified,
        Instant lastChecked,
        Instant createdAt,
        Instant updatedAt,
        CheckState checkState,
        List<String> found,
        List<Diagnosis> diagnoses,
        boolean regressed,
        Instant nextCheckAt,
        Boolean serviceVerified) {
    /** Compiled once: a check reads each MX record's preference and host several times. */
    private static final Pattern BLANKS = Pattern.compile("\\s+");

    public DnsRecord {
        found = found == null ? List.of() : List.copyOf(found);
        diagnoses = diagnoses == null ? List.of() : List.copyOf(diagnoses);
        checkState = checkState == null ? CheckState.UNCHECKED : checkState;
    }

    /** A record as the service describes it, never checked by DomainDesk. */
    public static DnsRecord fromService(String id, String domainId, RecordType type, String name, String value,
                                        Integer priority, boolean required, boolean verified, Instant lastChecked,
                                        Instant createdAt, Instant updatedAt) {
        return new DnsRecord(id, domainId, type, name, value, priority, required, verified, lastChecked,
                createdAt, updatedAt, CheckState.UNCHECKED, List.of(), List.of(), false, null, null);
    }

    /** The MX preference: {@code priority} when set, else the number leading {@code value}; null for other types. */
    public Integer effectivePriority() {
        if (priority != null || recordType != RecordType.MX) {
            return priority;
        }
        String[] parts = BLANKS.split(value.strip(), 2);
        if (parts.length == 2 && parts[0].chars().allMatch(Character::isDigit) && !parts[0].isEmpty()) {
            return Integer.valueOf(parts[0]);
        }
        return null;
    }

    /** The value an admin types into a provider's "value" field: for MX the exchange host alone. */
    public String target() {
        if (recordType != RecordType.MX) {
            return value;
        }
        String[] parts = BLANKS.split(value.strip(), 2);
        return parts.length == 2 && parts[0].chars().allMatch(Character::isDigit) ? parts[1] : value.strip();
    }

    public DnsRecord withCheck(boolean verified, CheckState state, List<String> foundValues, List<Diagnosis> found,
                               boolean regressedNow, Instant checkedAt) {
        return new DnsRecord(id, domainId, recordType, name, value, priority, isRequired, verified, checkedAt,
                createdAt, checkedAt, state, foundValues, found, regressedNow, nextCheckAt, serviceVerified);
    }

    public DnsRecord withNextCheckAt(Instant when) {
        return new DnsRecord(id, domainId, recordType, name, value, priority, isRequired, isVerified, lastChecked,
                createdAt, updatedAt, checkState, found, diagnoses, regressed, when, serviceVerified);
    }
}
