package dev.domaindesk.app;

import dev.domaindesk.files.ExportService;
import dev.domaindesk.files.ImportService;
import dev.domaindesk.api.client.RemoteCheckService;
import dev.domaindesk.api.client.ServiceClients;
import dev.domaindesk.api.client.ServiceKeySource;
import dev.domaindesk.api.client.Sleeper;
import dev.domaindesk.api.client.SyncService;
import dev.domaindesk.apikeys.ApiKeyService;
import dev.domaindesk.api.server.ApiServer;
import dev.domaindesk.domains.DomainRepository;
import dev.domaindesk.domains.DomainService;
import dev.domaindesk.domains.ProfileRegistry;
import dev.domaindesk.history.HistoryService;
import dev.domaindesk.settings.SettingsRepository;
import dev.domaindesk.settings.SettingsStore;
import dev.domaindesk.store.Backups;
import dev.domaindesk.store.Database;
import dev.domaindesk.store.JdbcApiKeyRepository;
import dev.domaindesk.store.JdbcAuditRepository;
import dev.domaindesk.store.JdbcHistoryRepository;
import dev.domaindesk.store.JdbcDomainRepository;
import dev.domaindesk.store.JdbcSettingsRepository;
import dev.domaindesk.store.ScheduleStore;
import dev.domaindesk.store.StoreChanges;
import dev.domaindesk.store.StoreCredentials;
import dev.domaindesk.store.StoreLocation;
import dev.domaindesk.store.StoreLease;
import dev.domaindesk.store.JdbcRemoteCheckRepository;
import dev.domaindesk.verification.CheckService;
import dev.domaindesk.verification.RecheckLease;
import dev.domaindesk.verification.RecheckScheduler;
import dev.domaindesk.verification.ScheduleRepository;
import dev.domaindesk.verification.ScheduleSettings;
import dev.domaindesk.verification.audit.AuditService;
import dev.domaindesk.verification.audit.AuditSetup;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/** The composition root: builds every service once, by constructor, over one data directory. */
public final class AppContext implements AutoCloseable {
    private static final Duration SCHEDULER_POLL = Duration.ofSeconds(15);
    /** Renewed at every look (15 s) and every chunk; a window that died gives background re-checks up after this. */
    private static final Duration RECHECK_LEASE = Duration.ofSeconds(90);
    private final Path dataDir;
    private final Database database;
    private final DomainRepository repository;
    private final SettingsRepository settingsRepository;
    private final DomainService domains;
    private final Clock clock;
    private final Backups backups;
    private final ImportService importer;
    private final ExportService exporter;
    private final SettingsStore settings;
    private final CheckService checks;
    private final HistoryService history;
    private final AuditService audits;
    private final ScheduleStore schedule;
    private final RecheckScheduler scheduler;
    private final ApiKeyService apiKeys;
    private final ServiceClients serviceClients;
    private final SyncService sync;
    private final RemoteCheckService remoteChecks;
    private final StoreChanges storeChanges;
    private final BackgroundExecutors executors;
    /** True when this context made its executors (commands): it shuts them down; the window shuts its own. */
    private final boolean ownsExecutors;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Over the embedded store in {@code dataDir}, with executors of its own (a command), shut down by {@link #close()}. */
    public AppContext(Path dataDir, Clock clock) {
        this(dataDir, StoreLocation.embedded(), StoreCredentials.none(), clock);
    }

    /**
     * Over the store at {@code store}: the embedded file in {@code dataDir}, or a PostgreSQL database (the data
     * directory then keeps only what is this machine's: profiles, the service key, the window's place).
     */
    public AppContext(Path dataDir, StoreLocation store, StoreCredentials credentials, Clock clock) {
        this(dataDir, store, credentials, clock, new BackgroundExecutors(2, 150), true);
    }

    /** Over the embedded store, on the caller's executors (the window's, one set per process), which the caller shuts down. */
    public AppContext(Path dataDir, Clock clock, BackgroundExecutors executors) {
        this(dataDir, StoreLocation.embedded(), StoreCredentials.none(), clock, executors, false);
    }

    /** Over the store at {@code store}, on the caller's executors, which the caller shuts down. */
    public AppContext(Path dataDir, StoreLocation store, StoreCredentials credentials, Clock clock,
                      BackgroundExecutors executors) {
        this(dataDir, store, credentials, clock, executors, false);
    }

    private AppContext(Path dataDir, StoreLocation store, StoreCredentials credentials, Clock clock,
                       BackgroundExecutors executors, boolean ownsExecutors) {
        this.executors = executors;
        this.ownsExecutors = ownsExecutors;
        this.dataDir = dataDir;
        this.clock = clock;
        this.database = Database.open(dataDir, store, credentials);
        this.repository = new JdbcDomainRepository(database);
        this.settingsRepository = new JdbcSettingsRepository(database);
        this.domains = new DomainService(repository, settingsRepository, new ProfileRegistry(dataDir.resolve("profiles")), clock);
        this.backups = new Backups(dataDir);
        this.importer = new ImportService(backedUp(repository, "import"), clock);
        this.exporter = new ExportService(domains, repository);
        this.settings = new SettingsStore(settingsRepository);
        this.history = new HistoryService(new JdbcHistoryRepository(database), settingsRepository, clock);
        this.checks = new CheckService(repository, settingsRepository, clock, 53, history::prune, executors.spf(),
                executors.checkStore(), executors.checkLoad());
        this.audits = new AuditService(repository, new JdbcAuditRepository(database), clock, AuditSetup.defaults());
        this.schedule = new ScheduleStore(database, clock);
        // embedded: one process re-checks at a time (decision 0011); PostgreSQL: all do, each claiming the due
        // domains it checks (decision 0015)
        RecheckLease lease = database.isEmbedded()
                ? recheckLease(new StoreLease(database, StoreLease.RECHECKS, clock)) : RecheckLease.ALONE;
        this.scheduler = new RecheckScheduler(checks, schedule,
                () -> ScheduleSettings.load(settingsRepository), clock, RecheckScheduler.DEFAULT_CHUNK, lease,
                executors.scheduler());
        this.storeChanges = new StoreChanges(database);
        this.apiKeys = new ApiKeyService(new JdbcApiKeyRepository(database), clock);
        this.serviceClients = new ServiceClients(settingsRepository, new ServiceKeySource(dataDir, System.getenv()),
                Sleeper.REAL, clock);
        this.sync = new SyncService(backedUp(repository, "sync"),
                settingsRepository, serviceClients, clock, executors.downloads());
        this.remoteChecks = new RemoteCheckService(domains, new JdbcRemoteCheckRepository(database), serviceClients,
                clock);
    }

    /**
     * The repository as import and sync see it: the embedded store is backed up before they replace many domains;
     * a PostgreSQL store is the server's to back up (pg_dump), so nothing is taken here.
     */
    private DomainRepository backedUp(DomainRepository repository, String reason) {
        return database.isEmbedded() ? BackupFirst.wrap(repository, () -> backups.take(database, reason)) : repository;
    }

    /** True for the embedded H2 file; false for a PostgreSQL store. */
    public boolean embeddedStore() {
        return database.isEmbedded();
    }

    /** Where the store is (for the title and messages; a PostgreSQL URL never carries a password). */
    public StoreLocation store() {
        return database.location();
    }

    private static RecheckLease recheckLease(StoreLease lease) {
        return new RecheckLease() {
            @Override
            public boolean hold() {
                return lease.hold(RECHECK_LEASE);
            }

            @Override
            public void release() {
                lease.release();
            }
        };
    }

    /** Changes made by other processes on the same data directory (the window reloads on them). */
    public StoreChanges storeChanges() {
        return storeChanges;
    }

    /** The Bearer keys of {@code serve}. */
    public ApiKeyService apiKeys() {
        return apiKeys;
    }

    /** The service's URL, key and limits (for sync and remote checks). */
    public ServiceClients serviceClients() {
        return serviceClients;
    }

    /** Sync from the service: {@code sync().sync(listener)} on a background thread. */
    public SyncService sync() {
        return sync;
    }

    public RemoteCheckService remoteChecks() {
        return remoteChecks;
    }

    /** The store's backups, taken before imports, syncs and migrations. */
    public Backups backups() {
        return backups;
    }

    /** Record history: what each check changed, and when. */
    public HistoryService history() {
        return history;
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

    /** DNSSEC, DKIM keys, receiving and reporting records, sender requirements. */
    public AuditService audits() {
        return audits;
    }

    /** The background re-checker (issue 4); idle until {@link #startScheduler()}. */
    public RecheckScheduler scheduler() {
        return scheduler;
    }

    /** When each record is next due (the status bar shows the earliest). */
    public ScheduleRepository schedule() {
        return schedule;
    }

    /**
     * Serves the store in the service's API ({@code serve}) with {@code threads} workers; remote checks use the
     * stored check settings as they are at each check.
     */
    public ApiServer startApiServer(String bind, int port, int threads) throws IOException {
        return ApiServer.start(bind, port, executors.own(ApiServer.readers()),
                executors.own(ApiServer.workers(threads)), repository, apiKeys, checks);
    }

    /** Starts background re-checking: whatever is due now, then a look every 15 seconds. The window calls this. */
    public void startScheduler() {
        scheduler.start(SCHEDULER_POLL);
    }

    /** Stops background re-checking; what was stored stays, the rest stays due for the next start. */
    public void stopScheduler() {
        scheduler.close();
    }

    public Path dataDir() {
        return dataDir;
    }

    public Clock clock() {
        return clock;
    }

    /** The store itself: for tests only (through {@code AppContextAccess}); commands and the window use services. */
    Database database() {
        return database;
    }

    /** For tests only, as {@link #database()}. */
    DomainRepository repository() {
        return repository;
    }

    public DomainService domains() {
        return domains;
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return; // a stopped command closes it from the signal's thread, and then again as it ends
        }
        storeChanges.close();
        scheduler.close();
        checks.close(); // a run's loader holds a connection: the store would stay open under it
        if (ownsExecutors) {
            executors.close();
        }
        database.close();
    }
}
