package dev.domaindesk.verification;

import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainName;
import dev.domaindesk.domains.DomainRepository;
import dev.domaindesk.domains.DomainStatus;
import dev.domaindesk.domains.Ids;
import dev.domaindesk.domains.RecordType;
import dev.domaindesk.store.Database;
import dev.domaindesk.store.JdbcDomainRepository;
import dev.domaindesk.store.JdbcSettingsRepository;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real H2 store in a temp dir and a CheckService over it, for engine tests against a real Knot. */
final class EngineFixture implements AutoCloseable {
    final Database database;
    final DomainRepository repository;
    final Clock clock;
    final CheckService service;

    EngineFixture(Path dir, Clock clock, int authoritativePort) {
        this.database = Database.open(dir.resolve("data"));
        this.repository = new JdbcDomainRepository(database);
        this.clock = clock;
        this.service = new CheckService(repository, new JdbcSettingsRepository(database), clock, authoritativePort);
    }

    EngineFixture(Path dir) {
        this(dir, Clock.systemUTC(), 53);
    }

    /** A domain with the given records ({type, name, value} triples), stored; returns its id. */
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

    CheckSummary check(CheckOptions options, Domain... domains) {
        try {
            return service.start(List.of(domains).stream().map(Domain::id).toList(), options, CheckListener.NONE)
                    .done().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("check run failed", e);
        }
    }

    List<DnsRecord> records(Domain domain) {
        return repository.recordsOf(domain.id());
    }

    DnsRecord record(Domain domain, String name) {
        return records(domain).stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no record " + name));
    }

    Domain reload(Domain domain) {
        return repository.findById(domain.id()).orElseThrow();
    }

    @Override
    public void close() {
        database.close();
    }
}
