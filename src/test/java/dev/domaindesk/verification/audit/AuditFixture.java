package dev.domaindesk.verification.audit;

import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainName;
import dev.domaindesk.domains.DomainRepository;
import dev.domaindesk.domains.DomainStatus;
import dev.domaindesk.domains.Ids;
import dev.domaindesk.domains.RecordType;
import dev.domaindesk.store.Database;
import dev.domaindesk.store.JdbcAuditRepository;
import dev.domaindesk.store.JdbcDomainRepository;
import dev.domaindesk.verification.CheckListener;
import dev.domaindesk.verification.CheckOptions;
import dev.domaindesk.verification.CheckService;
import dev.domaindesk.store.JdbcSettingsRepository;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real H2 store in a temp dir with the check and audit services over it, for audit tests against a real Knot. */
final class AuditFixture implements AutoCloseable {
    final Database database;
    final DomainRepository repository;
    final JdbcAuditRepository audits;
    final Clock clock = Clock.systemUTC();
    final AuditService service;
    final CheckService checks;

    AuditFixture(Path dir, AuditSetup setup) {
        this.database = Database.open(dir.resolve("data"));
        this.repository = new JdbcDomainRepository(database);
        this.audits = new JdbcAuditRepository(database);
        this.service = new AuditService(repository, audits, clock, setup);
        this.checks = new CheckService(repository, new JdbcSettingsRepository(database), clock);
    }

    /** A domain with the given records ({type, name, value} triples), stored. */
    Domain domain(String name, String... typeNameValue) {
        Instant now = clock.instant();
        Domain domain = new Domain(Ids.newDomainId(), DomainName.parse(name), DomainStatus.PENDING, "test", now, now,
                null, now, null, Domain.ServiceFields.NONE);
        List<DnsRecord> records = new ArrayList<>();
        for (int i = 0; i < typeNameValue.length; i += 3) {
            records.add(DnsRecord.fromService(Ids.newRecordId(), domain.id(), RecordType.parse(typeNameValue[i]),
                    typeNameValue[i + 1], typeNameValue[i + 2], null, true, false, null, now, now));
        }
        repository.insert(domain, records);
        return domain;
    }

    static CheckOptions via(InetSocketAddress resolver) {
        return CheckOptions.defaults().withResolvers(List.of(resolver)).withTimeout(Duration.ofMillis(1000));
    }

    /** Checks the domains' records (so the sender checklist has verdicts to read), then audits them. */
    List<DomainAudit> checkAndAudit(InetSocketAddress resolver, Domain... domains) {
        try {
            List<String> ids = List.of(domains).stream().map(Domain::id).toList();
            checks.start(ids, via(resolver), CheckListener.NONE).done().get(60, TimeUnit.SECONDS);
            return service.audit(ids, via(resolver)).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("check or audit failed", e);
        }
    }

    DomainAudit audit(InetSocketAddress resolver, Domain domain) {
        try {
            return service.audit(List.of(domain.id()), via(resolver)).get(60, TimeUnit.SECONDS).get(0);
        } catch (Exception e) {
            throw new AssertionError("audit failed", e);
        }
    }

    @Override
    public void close() {
        database.close();
    }
}
