package dev.domaindesk.api.testing;

import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainName;
import dev.domaindesk.domains.DomainStatus;
import dev.domaindesk.domains.DomainWithRecords;
import dev.domaindesk.domains.RecordType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Domains with the service's record set, every optional field exercised (nulls, MX in value or priority). */
public final class ApiTestData {
    public static final Instant T0 = Instant.parse("2025-09-01T09:58:12.123Z");

    private ApiTestData() {
    }

    public static List<DomainWithRecords> domains(int count) {
        List<DomainWithRecords> result = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            result.add(domain(i));
        }
        return result;
    }

    public static DomainWithRecords domain(int i) {
        String name = String.format("d%03d.example.com", i);
        String id = String.format("dom_%06d", i);
        DomainStatus status = DomainStatus.values()[i % 3];
        Instant created = T0.plusSeconds(i * 60L);
        Instant checked = i % 2 == 0 ? created.plusSeconds(30) : null;
        Domain domain = new Domain(id, new DomainName(name), status, null, created, created.plusMillis(7), checked,
                status == DomainStatus.VERIFIED ? null : created, null,
                new Domain.ServiceFields(i % 4 != 0, i % 5 == 0, i % 3 == 0 ? null : "Cloudflare",
                        i % 3 == 0 ? null : "high", i % 7 == 0 ? created.plusSeconds(5) : null, i % 6 == 0));
        List<DnsRecord> records = List.of(
                record(id, i, 1, RecordType.TXT, "_amazonses." + name, "tok" + i + "/+=", null, i % 2 == 0, checked, created),
                record(id, i, 2, RecordType.MX, name, "10 inbound-smtp.us-east-1.amazonaws.com", null, false, checked, created),
                record(id, i, 3, RecordType.TXT, name, "v=spf1 include:amazonses.com ~all", null, true, checked, created),
                record(id, i, 4, RecordType.MX, "mail." + name, "feedback-smtp.us-east-1.amazonses.com", 10, false, null,
                        created),
                record(id, i, 5, RecordType.CNAME, "k" + i + "._domainkey." + name, "k" + i + ".dkim.amazonses.com", null,
                        i % 3 == 0, checked, created));
        return new DomainWithRecords(domain, records);
    }

    private static DnsRecord record(String domainId, int i, int n, RecordType type, String name, String value,
                                    Integer priority, boolean verified, Instant checked, Instant created) {
        return DnsRecord.fromService(String.format("dns_%06d_%d", i, n), domainId, type, name, value, priority,
                n != 4, verified, checked, created, created.plusMillis(n));
    }
}
