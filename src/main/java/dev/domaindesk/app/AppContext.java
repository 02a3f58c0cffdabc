package dev.domaindesk.app;

import dev.domaindesk.api.ExportService;
import dev.domaindesk.api.ImportService;
import dev.domaindesk.domains.DomainRepository;
import dev.domaindesk.domains.DomainService;
import dev.domaindesk.domains.ProfileRegistry;
import dev.domaindesk.settings.SettingsStore;
import dev.domaindesk.store.Database;
import dev.domaindesk.store.JdbcDomainRepository;
import dev.domaindesk.verification.CheckService;
import java.nio.file.Path;
import java.time.Clock;

/** The composition root: builds every service once, by constructor, over one data directory. */
public final class AppContext implements AutoCloseable {
    private final Path dataDir;
    private final Database database;
    private final DomainRepository repository;
    private final DomainService domains;
    private final Clock clock;
    private final ImportService importer;
    private final ExportService exporter;
    private final SettingsStore settings;
    private final CheckService checks;

    public AppContext(Path dataDir, Clock clock) {
        this.dataDir = dataDir;
        this.clock = clock;
        this.database = Database.open(dataDir);
        this.repository = new JdbcDomainRepository(database);
        this.domains = new DomainService(repository, new ProfileRegistry(dataDir.resolve("profiles")), clock);
        this.importer = new ImportService(repository, clock);
        this.exporter = new ExportService(domains, repository);
        this.settings = new SettingsStore(repository);
        this.checks = new CheckService(repository, clock);
    }

    public ImportService importer() {
        return importer;
    }

    public SettingsStore settings() {
        return settings;
    }

    public ExportService exporter() {
        return exporter;
    }

    /** DNS checks of domains' records (engine, issue 3). */
    public CheckService checks() {
        return checks;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Clock clock() {
        return clock;
    }

    public Database database() {
        return database;
    }

    public DomainRepository repository() {
        return repository;
    }

    public DomainService domains() {
        return domains;
    }

    @Override
    public void close() {
        database.close();
    }
}
