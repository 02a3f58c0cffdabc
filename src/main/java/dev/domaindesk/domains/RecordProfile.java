package dev.domaindesk.domains;

import java.util.List;

/**
 * A named set of record templates. Placeholders in names and values:
 * {@code {domain}}, {@code {region}}, {@code {base64:KEY}} (32 random bytes, Base64, as SES tokens) and
 * {@code {alnum:KEY}} (32 random lower-case letters and digits, as DKIM tokens). The same KEY gives the same
 * value within one domain.
 */
public record RecordProfile(String name, String description, List<Template> records) {

    public record Template(RecordType type, String name, String value, Integer priority, boolean required) {
    }

    public RecordProfile {
        records = List.copyOf(records);
    }
}
