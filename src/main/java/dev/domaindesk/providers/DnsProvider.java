package dev.domaindesk.providers;

/**
 * A DNS hosting provider recognised by its name servers, with one line of advice for entering records there and
 * what its panel calls each field.
 */
public record DnsProvider(String name, String hint, Fields fields) {

    public DnsProvider(String name, String hint) {
        this(name, hint, Fields.GENERIC);
    }

    /**
     * The provider's own words for the record's fields; {@code fullName}: it wants the full name with a trailing dot
     * rather than the host relative to the zone; {@code cnameExtra}: a further setting a CNAME needs (Cloudflare's
     * proxy), or null.
     */
    public record Fields(String type, String name, String value, String priority, boolean fullName, String cnameExtra) {
        public static final Fields GENERIC = new Fields("Type", "Name", "Value", "Priority", false, null);
    }
}
