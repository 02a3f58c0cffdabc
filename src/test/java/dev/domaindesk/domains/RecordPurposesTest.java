package dev.domaindesk.domains;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.domaindesk.ui.testing.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each record is labelled by what it is for, as the profile names it; others by their shape. */
class RecordPurposesTest {
    private final Fixtures f = new Fixtures();

    @Test
    void theSesProfileNamesEveryRecordAndNumbersTheDkimKeysInOrder() {
        DomainWithRecords d = f.add("mail.example.com");
        Map<String, String> purposes = f.domains.purposes(d.domain(), d.records());
        assertEquals(List.of("Verification token", "Inbound MX", "SPF", "DMARC", "MAIL FROM MX", "MAIL FROM SPF",
                "DKIM 1", "DKIM 2", "DKIM 3"), d.records().stream().map(r -> purposes.get(r.id())).toList());
    }

    @Test
    void aRecordNoTemplateNamesIsNamedByItsShape() {
        Domain d = f.add("example.org").domain();
        List<DnsRecord> imported = List.of(
                DnsRecord.fromService("a", d.id(), RecordType.TXT, "bounce.example.org", "v=spf1 include:mailgun.org ~all",
                        null, true, false, null, Fixtures.NOW, Fixtures.NOW),
                DnsRecord.fromService("b", d.id(), RecordType.MX, "example.org", "10 mx.other.example", null, true, false,
                        null, Fixtures.NOW, Fixtures.NOW),
                DnsRecord.fromService("c", d.id(), RecordType.CNAME, "k1._domainkey.example.org", "k1.other.example", null,
                        true, false, null, Fixtures.NOW, Fixtures.NOW),
                DnsRecord.fromService("d", d.id(), RecordType.CNAME, "www.example.org", "other.example", null,
                        true, false, null, Fixtures.NOW, Fixtures.NOW));
        Map<String, String> purposes = RecordPurposes.of(d, imported, null);
        assertEquals("MAIL FROM SPF", purposes.get("a"));
        assertEquals("Inbound MX", purposes.get("b"));
        assertEquals("DKIM", purposes.get("c"));
        assertEquals(null, purposes.get("d"), "nothing said rather than a guess");
    }

    @Test
    void anotherProfileNamesItsOwn() {
        Domain d = f.add("example.net").domain();
        RecordProfile own = new RecordProfile("own", "", List.of(
                new RecordProfile.Template(RecordType.TXT, "_verify.{domain}", "{base64:t}", null, true, "Ownership proof")));
        DnsRecord r = DnsRecord.fromService("x", d.id(), RecordType.TXT, "_verify.example.net", "QUJD", null, true, false,
                null, Fixtures.NOW, Fixtures.NOW);
        assertEquals(Map.of("x", "Ownership proof"), RecordPurposes.of(d, List.of(r), own));
    }
}
