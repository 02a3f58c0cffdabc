package dev.domaindesk.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainName;
import dev.domaindesk.domains.DomainStatus;
import dev.domaindesk.domains.RecordType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VerdictsTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static DnsRecord record(boolean verified, boolean regressed, boolean required) {
        DnsRecord r = DnsRecord.fromService("dns_1", "dom_1", RecordType.TXT, "_x.example.com", "v", null, required,
                verified, null, T0, T0);
        return r.withCheck(verified, verified ? CheckState.VERIFIED : CheckState.UNCHECKED, List.of(), List.of(),
                regressed, T0);
    }

    @ParameterizedTest(name = "was verified={0} regressed={1}, verdict {2} -> verified={3} regressed={4}")
    @CsvSource({
        "false,false,VERIFIED,true,false",
        "true,false,VERIFIED,true,false",
        "true,true,VERIFIED,true,false",
        "true,false,MISSING,false,true",
        "true,false,MISMATCH,false,true",
        "false,false,MISSING,false,false",
        "false,true,MISMATCH,false,true",
        "true,false,DNS_ERROR,true,false",
        "false,false,DNS_ERROR,false,false",
        "false,true,DNS_ERROR,false,true",
    })
    void applyingAVerdict(boolean wasVerified, boolean wasRegressed, CheckState state, boolean verified, boolean regressed) {
        Instant at = T0.plusSeconds(60);
        DnsRecord after = Verdicts.apply(record(wasVerified, wasRegressed, true),
                new RecordVerdict("dns_1", state, List.of("found"), List.of(), at));
        assertEquals(verified, after.isVerified());
        assertEquals(regressed, after.regressed());
        assertEquals(state, after.checkState());
        assertEquals(at, after.lastChecked());
        assertEquals(List.of("found"), after.found());
    }

    @ParameterizedTest(name = "{0} since {1}h, records verified {2}/{3}, now +{4}h -> {5} since {6}h")
    @CsvSource({
        // status, pendingSince (h, -1 none), required verified, optional verified, now (h), expected, pendingSince (h)
        "PENDING,0,true,false,1,VERIFIED,-1",
        "PENDING,0,false,true,1,PENDING,0",
        "PENDING,0,false,true,72,PENDING,0",
        "PENDING,0,false,true,73,FAILED,0",
        "FAILED,0,false,true,100,FAILED,0",
        "FAILED,0,true,true,100,VERIFIED,-1",
        "VERIFIED,-1,false,true,5,PENDING,5",
        "VERIFIED,-1,true,false,5,VERIFIED,-1",
        "PENDING,-1,false,false,5,PENDING,5",
    })
    void domainStatus(DomainStatus status, int sinceHours, boolean requiredVerified, boolean optionalVerified,
                      int nowHours, DomainStatus expected, int expectedSince) {
        Domain domain = new Domain("dom_1", DomainName.parse("example.com"), status, "ses", T0, T0, null,
                sinceHours < 0 ? null : T0.plus(Duration.ofHours(sinceHours)), null, Domain.ServiceFields.NONE);
        Instant now = T0.plus(Duration.ofHours(nowHours));
        Domain after = Verdicts.status(domain, List.of(record(requiredVerified, false, true),
                record(optionalVerified, false, false)), now, Verdicts.DEFAULT_FAIL_AFTER);
        assertEquals(expected, after.status());
        assertEquals(expectedSince < 0 ? null : T0.plus(Duration.ofHours(expectedSince)), after.pendingSince());
        assertEquals(now, after.lastDnsCheck());
    }
}
