package dev.domaindesk.ui.testing;

import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.Diagnosis;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainService;
import dev.domaindesk.domains.DomainStatus;
import dev.domaindesk.domains.DomainWithRecords;
import dev.domaindesk.domains.ProfileRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Services over an in-memory store with a fixed clock. */
public final class Fixtures {
    public static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    public final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    public final InMemoryDomainRepository repository = new InMemoryDomainRepository();
    public final InMemorySettingsRepository settings = new InMemorySettingsRepository();
    public final DomainService domains = new DomainService(repository, settings, new ProfileRegistry(null), clock);

    public DomainWithRecords add(String name) {
        return domains.add(name, ProfileRegistry.DEFAULT);
    }

    /** The domain with a new status, as a check would store it. */
    public static Domain withStatus(Domain d, DomainStatus status, Instant at) {
        return d.withStatus(status, at).withLastDnsCheck(at);
    }

    public static DnsRecord checked(DnsRecord r, CheckState state, List<String> found, Instant at, Diagnosis... why) {
        return r.withCheck(state == CheckState.VERIFIED, state, found, List.of(why), false, at);
    }
}
