package dev.domaindesk.verification;

import static dev.domaindesk.verification.Expect.diagnosis;
import static dev.domaindesk.verification.Expect.verdict;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.testing.KnotServer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --authoritative: one Knot plays the resolver with a stale view of the zone, another the zone's authoritative
 * server (found through the resolver's NS and A records, asked on its own port).
 */
class AuthoritativeKnotTest {

    @Test
    void aRecordTheResolverDoesNotSeeYetIsNotPropagated(@TempDir Path dir) {
        try (KnotServer stale = KnotServer.start(dir.resolve("resolver"), Map.of("prop.test", "www A 192.0.2.1"));
             KnotServer authority = KnotServer.start(dir.resolve("authority"), Map.of("prop.test", """
                     _amazonses TXT "TOKEN-1"
                     www A 192.0.2.1
                     """));
             EngineFixture f = new EngineFixture(dir, Clock.systemUTC(), authority.port())) {
            Domain d = f.domain("prop.test", "TXT", "_amazonses.prop.test", "TOKEN-1", "TXT", "www.prop.test", "nowhere");

            f.check(EngineFixture.via(stale.address()), d);
            verdict(f.record(d, "_amazonses.prop.test"), CheckState.MISSING, "NXDOMAIN");

            f.check(EngineFixture.via(stale.address()).withAuthoritative(true), d);
            DnsRecord r = f.record(d, "_amazonses.prop.test");
            verdict(r, CheckState.VERIFIED, "NOT_PROPAGATED");
            assertTrue(diagnosis(r, "NOT_PROPAGATED").message().contains("SOA minimum " + KnotServer.SOA_MINIMUM + " s"),
                    diagnosis(r, "NOT_PROPAGATED").message());
            verdict(f.record(d, "www.prop.test"), CheckState.MISSING, "NODATA");
        }
    }
}
