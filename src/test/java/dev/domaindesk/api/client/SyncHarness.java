package dev.domaindesk.api.client;

import dev.domaindesk.api.testing.FakeService;
import dev.domaindesk.api.testing.FullDump;
import dev.domaindesk.store.Database;
import dev.domaindesk.store.JdbcDomainRepository;
import dev.domaindesk.store.JdbcSettingsRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real H2 store in a temp dir, a fake service on loopback, and a sync service wired between them. */
final class SyncHarness implements AutoCloseable {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T05:06:07.890Z"), ZoneOffset.UTC);

    final Database db;
    final JdbcDomainRepository repository;
    final JdbcSettingsRepository settings;
    final FakeService service;
    final List<Duration> waits = new CopyOnWriteArrayList<>();
    final ServiceClients clients;
    final SyncService sync;

    SyncHarness(Path dir) throws Exception {
        this(dir, Map.of(ServiceKeySource.ENV, FakeService.KEY));
    }

    SyncHarness(Path dir, Map<String, String> env) throws Exception {
        db = Database.open(dir);
        repository = new JdbcDomainRepository(db);
        settings = new JdbcSettingsRepository(db);
        service = new FakeService();
        clients = new ServiceClients(settings, new ServiceKeySource(dir, env), waits::add, CLOCK);
        sync = new SyncService(repository, settings, clients, CLOCK);
    }

    SyncReport sync() {
        return sync.sync(service.url(), SyncListener.NONE);
    }

    String dump() {
        return FullDump.of(db);
    }

    @Override
    public void close() {
        service.close();
        db.close();
    }
}
