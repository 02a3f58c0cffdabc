package dev.domaindesk.ui.testing;

import dev.domaindesk.domains.DnsRecord;
import java.util.List;
import java.util.Map;

/** Zone-file lines that publish a domain's records exactly as expected (or with some values replaced). */
public final class ZoneText {
    private ZoneText() {
    }

    /** @param replaced record id → the value to publish instead of the expected one */
    public static String of(List<DnsRecord> records, Map<String, String> replaced) {
        StringBuilder zone = new StringBuilder();
        for (DnsRecord r : records) {
            String value = replaced.getOrDefault(r.id(), r.value());
            String rdata = switch (r.recordType()) {
                case TXT -> "\"" + value.replace("\"", "\\\"") + "\"";
                case MX -> value.strip() + ".";
                case CNAME -> value + ".";
            };
            zone.append(r.name()).append(". 300 IN ").append(r.recordType()).append(' ').append(rdata).append('\n');
        }
        return zone.toString();
    }
}
