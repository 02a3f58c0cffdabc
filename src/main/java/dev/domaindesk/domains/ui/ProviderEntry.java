package dev.domaindesk.domains.ui;

import dev.domaindesk.domains.RecordType;
import dev.domaindesk.providers.DnsProvider;
import java.util.ArrayList;
import java.util.List;

/** The selected record as the detected provider's panel asks for it: its field names, each with what to enter. */
public record ProviderEntry(String provider, List<Field> fields) {

    public record Field(String label, String value) {
    }

    static ProviderEntry of(DnsProvider provider, RecordRow row) {
        DnsProvider.Fields f = provider.fields();
        List<Field> fields = new ArrayList<>();
        RecordType type = row.record().recordType();
        fields.add(new Field(f.type(), type.name()));
        fields.add(new Field(f.name(), f.fullName() ? row.name() + "." : row.hostOnly()));
        String value = row.value();
        if (type == RecordType.MX && f.priority().startsWith("Value")) {
            value = row.priority() + " " + value; // Route 53: "10 mail.example.com" in one field
        } else if (type == RecordType.TXT && provider.name().equals("Route 53")) {
            value = "\"" + value + "\"";
        }
        fields.add(new Field(f.value(), value));
        if (type == RecordType.MX && !f.priority().startsWith("Value")) {
            fields.add(new Field(f.priority(), row.priority()));
        }
        if (type == RecordType.CNAME && f.cnameExtra() != null) {
            int colon = f.cnameExtra().indexOf(':');
            fields.add(new Field(f.cnameExtra().substring(0, colon), f.cnameExtra().substring(colon + 1).strip()));
        }
        return new ProviderEntry(provider.name(), fields);
    }
}
