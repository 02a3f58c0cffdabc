package dev.domaindesk.domains;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An MX record's value, as the service writes it ("10 host"), gives its preference and its host (RFC 1035 §3.3.9). */
class DnsRecordTest {
    private static DnsRecord record(RecordType type, String value, Integer priority) {
        Instant now = Instant.parse("2026-12-08T03:00:00Z");
        return DnsRecord.fromService("r1", "d1", type, "example.test", value, priority, true, false, null, now, now);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "MX  | 10 feedback-smtp.us-east-1.amazonses.com | null | 10   | feedback-smtp.us-east-1.amazonses.com",
            "MX  | '  20 \t mx.example.test  '               | null | 20   | mx.example.test",
            "MX  | mx.example.test                          | null | null | mx.example.test",
            "MX  | mx.example.test                          | 5    | 5    | mx.example.test",
            "MX  | 10 mx.example.test                       | 30   | 30   | mx.example.test",
            "MX  | ten mx.example.test                      | null | null | ten mx.example.test",
            "TXT | v=spf1 include:amazonses.com ~all         | null | null | v=spf1 include:amazonses.com ~all"})
    void preferenceAndHostComeFromTheValueUnlessThePriorityIsGiven(RecordType type, String value, Integer priority,
                                                                  Integer preference, String host) {
        DnsRecord r = record(type, value, priority);
        assertEquals(preference, r.effectivePriority());
        assertEquals(host, r.target());
    }
}
