package dev.domaindesk.verification;

import dev.domaindesk.bench.BenchZone;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainService;
import dev.domaindesk.domains.DomainWithRecords;
import dev.domaindesk.domains.ProfileRegistry;
import dev.domaindesk.store.Database;
import dev.domaindesk.store.JdbcDomainRepository;
import dev.domaindesk.store.JdbcSettingsRepository;
import dev.domaindesk.store.ScheduleStore;
import dev.domaindesk.testing.KnotServer;
import dev.domaindesk.testing.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Real parts for scheduler tests: an H2 file store in a temp dir, a Knot server on loopback serving
 * {@code sched.test}, the engine's CheckService, and a scheduler on a clock the test moves.
 */
final class SchedulerFixture implements AutoCloseable {
    static final String ZONE = "sched.test";
    /** What a resolver would answer for the include in the service's SPF value. */
    static final String AMAZONSES = dev.domaindesk.bench.BenchData.INCLUDED_SPF;
    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    final Path dir;
    final TestClock clock = new TestClock(T0);
    final KnotServer knot;
    final Map<String, String> zoneLines = Collections.synchronizedMap(new LinkedHashMap<>());
    final ScheduleSettings settings;
    final int chunkSize;
    Database db;
    JdbcDomainRepository repository;
    DomainService domains;
    ScheduleStore store;
    RecheckScheduler scheduler;
    final RecordingListener events = new RecordingListener();

    SchedulerFixture(Path dir, int chunkSize) {
        this(dir, chunkSize, ScheduleSettings.DEFAULTS);
    }

    SchedulerFixture(Path dir, int chunkSize, ScheduleSettings settings) {
        this.dir = dir;
        this.chunkSize = chunkSize;
        this.settings = settings;
        this.knot = KnotServer.start(dir.resolve("knot"), Map.of(ZONE, "", "amazonses.com", AMAZONSES));
        open();
    }

    /** Opens the store and a scheduler on it (again, after {@link #closeApp()}: a restart). */
    void open() {
        db = Database.open(dir.resolve("data"));
        repository = new JdbcDomainRepository(db);
        domains = new DomainService(repository, new JdbcSettingsRepository(db), new ProfileRegistry(dir.resolve("data/profiles")), clock);
        store = new ScheduleStore(db);
        CheckOptions options = new CheckOptions(List.of(knot.address()), false, Duration.ofMillis(500), 100);
        CheckService service = new CheckService(repository, new JdbcSettingsRepository(db), clock);
        // the chunks' runs store due times by this fixture's schedule, as the app's by the stored one
        CheckStarter checker = (ids, listener) -> service.start(ids, options, new RecheckPolicy(settings), listener);
        scheduler = new RecheckScheduler(checker, store, () -> settings, clock, chunkSize);
        scheduler.addListener(events);
    }

    void closeApp() {
        scheduler.close();
        db.close();
    }

    /** Adds a domain with the service's records; its DNS is published with {@code mistake} at the next publish. */
    Domain add(String label, BenchZone.Mistake mistake) {
        DomainWithRecords added = domains.add(label + "." + ZONE, "ses");
        setDns(added.domain(), mistake);
        return added.domain();
    }

    void setDns(Domain domain, BenchZone.Mistake mistake) {
        StringBuilder lines = new StringBuilder();
        BenchZone.appendZoneLines(lines, domain.name().ascii(), repository.recordsOf(domain.id()), mistake);
        zoneLines.put(domain.id(), lines.toString());
    }

    void publish() {
        StringBuilder all = new StringBuilder();
        synchronized (zoneLines) {
            zoneLines.values().forEach(all::append);
        }
        knot.zone(ZONE, all.toString());
    }

    /** Runs what is due now to its end. */
    void tick() throws Exception {
        scheduler.tick().get(60, TimeUnit.SECONDS);
    }

    List<DnsRecord> records(Domain d) {
        return repository.recordsOf(d.id());
    }

    Domain reload(Domain d) {
        return repository.findById(d.id()).orElseThrow();
    }

    Instant now() {
        return clock.instant();
    }

    List<Instant> nextChecks(Domain d) {
        List<Instant> next = new ArrayList<>();
        records(d).forEach(r -> next.add(r.nextCheckAt()));
        return next;
    }

    @Override
    public void close() {
        try {
            closeApp();
        } finally {
            knot.close();
        }
    }
}
