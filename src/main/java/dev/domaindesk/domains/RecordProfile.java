package dev.domaindesk.domains;

import java.util.List;

/**
 * A named set of record templates. Placeholders in names and values:
 * {@code {domain}}, {@code {region}}, {@code {base64:KEY}} (32 random bytes, Base64, as SES tokens) and
 * {@code {alnum:KEY}} (32 random lower-case letters and digits, as DKIM tokens). The same KEY gives the same
 * value within one domain.
 */
public record RecordProfile(String name, String description, List<Template> records) {

    /** @param purpose what the record is for, as the window labels it ("SPF", "DKIM 1"); null: unnamed */
    public record Template(RecordType type, String name, String value, Integer priority, boolean required, String purpose) {
        public Template(RecordType type, String name, String value, Integer priority, boolean required) {
            this(type, name, value, priority, required, null);
        }
    }

    public RecordProfile {
        records = List.copyOf(records);
    }
}
