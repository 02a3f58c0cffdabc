package dev.domaindesk.api.client;

import dev.domaindesk.files.DocumentReader;
import dev.domaindesk.concurrent.BackgroundThreads;
import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainRepository;
import dev.domaindesk.domains.DomainWithRecords;
import dev.domaindesk.settings.SettingsRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the store the service's view: lists every domain, downloads every domain's records, then writes it all in
 * one transaction, removing the domains the service no longer has. On any failure the store is exactly as before.
 * Plain Java and blocking: the window calls {@link #sync(SyncListener)} on a background executor.
 */
public final class SyncService {
    public static final String LAST_SYNC = "api.lastSyncAt";
    private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);
    /** {@code api.parallelism} is at most 16; a sync's downloads never need more threads. */
    private static final int MAX_DOWNLOADS = 16;
    /** For a service built without the app's executors (tests): its idle threads end by themselves. */
    private static final Executor UNOWNED_DOWNLOADS = BackgroundThreads.bounded("sync-records", MAX_DOWNLOADS);

    private final DomainRepository repository;
    private final SettingsRepository settings;
    private final ServiceClients clients;
    private final Clock clock;
    private final Executor downloads;

    public SyncService(DomainRepository repository, SettingsRepository settings, ServiceClients clients, Clock clock) {
        this(repository, settings, clients, clock, UNOWNED_DOWNLOADS);
    }

    /** {@code downloads}: where records are downloaded, {@code api.parallelism} at once (the app's pool). */
    public SyncService(DomainRepository repository, SettingsRepository settings, ServiceClients clients, Clock clock,
                       Executor downloads) {
        this.downloads = downloads;
        this.repository = repository;
        this.settings = settings;
        this.clients = clients;
        this.clock = clock;
    }

    /** Syncs from the remembered {@code api.url}. */
    public SyncReport sync(SyncListener listener) {
        return sync(null, listener);
    }

    /** Syncs from {@code apiUrl} (null: the remembered one) and remembers it once the sync has succeeded. */
    public SyncReport sync(String apiUrl, SyncListener listener) {
        ServiceClient client = clients.open(apiUrl);
        try {
            return syncWith(client, listener);
        } catch (RuntimeException e) {
            throw client.redact(e);
        }
    }

    private SyncReport syncWith(ServiceClient client, SyncListener listener) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ServiceAnswers answers = new ServiceAnswers(now);
        ClientSettings limits = ClientSettings.load(settings);
        SyncDeadline deadline = SyncDeadline.after(limits.maxSyncTime());
        List<DocumentReader.DomainEntry> listed = new DomainPager(client, answers, limits.maxPages(), deadline)
                .all(listener);
        Map<String, DocumentReader.RecordsEntry> docs =
                new RecordFetcher(client, answers, limits.parallelism(), deadline, downloads).fetch(listed, listener);
        listener.progress(SyncListener.Phase.WRITING, 0, listed.size());
        requireUniqueRecordIds(docs);

        Map<String, Domain> byId = new HashMap<>();
        Map<String, Domain> byName = new HashMap<>();
        for (Domain d : repository.findAll()) {
            byId.put(d.id(), d);
            byName.put(d.name().ascii(), d);
        }
        List<String> existingIds = new ArrayList<>();
        for (DocumentReader.DomainEntry e : listed) {
            Optional.ofNullable(byId.getOrDefault(e.id(), byName.get(e.domain().ascii())))
                    .ifPresent(d -> existingIds.add(d.id()));
        }
        Map<String, DnsRecord> previous = new HashMap<>();
        repository.recordsOf(existingIds).values().forEach(list -> list.forEach(r -> previous.put(r.id(), r)));

        SyncMapper mapper = new SyncMapper(now);
        List<DomainWithRecords> writes = new ArrayList<>();
        List<SyncReport.Disagreement> disagreements = new ArrayList<>();
        int added = 0;
        int recordCount = 0;
        for (DocumentReader.DomainEntry e : listed) {
            Domain existing = byId.getOrDefault(e.id(), byName.get(e.domain().ascii()));
            added += existing == null ? 1 : 0;
            DomainWithRecords mapped = mapper.map(e, docs.get(e.id()), existing, previous);
            writes.add(mapped);
            recordCount += mapped.records().size();
            disagreements.addAll(disagreements(mapped, previous));
        }
        Set<String> keep = new HashSet<>(existingIds);
        List<String> remove = byId.keySet().stream().filter(id -> !keep.contains(id)).sorted().toList();
        int removedRecords = repository.recordsOf(remove).values().stream().mapToInt(List::size).sum();
        if (listener.cancelled()) {
            throw new java.util.concurrent.CancellationException("sync cancelled; nothing was changed");
        }
        repository.replaceAll(writes, remove);
        clients.remember(client.endpoint());
        settings.put(LAST_SYNC, now.toString());
        listener.progress(SyncListener.Phase.WRITING, listed.size(), listed.size());
        LOG.info("Synced {} domains ({} new, {} removed) from {}", listed.size(), added, remove.size(), client.endpoint());
        return new SyncReport(client.endpoint().toString(), listed.size(), recordCount, added, listed.size() - added,
                remove.size(), removedRecords, disagreements, now);
    }

    /** When the last sync succeeded, if ever. */
    public Optional<Instant> lastSync() {
        return settings.get(LAST_SYNC).map(Instant::parse);
    }

    private static void requireUniqueRecordIds(Map<String, DocumentReader.RecordsEntry> docs) {
        Map<String, String> owner = new HashMap<>();
        for (DocumentReader.RecordsEntry doc : docs.values()) {
            for (DnsRecord r : doc.records()) {
                String other = owner.putIfAbsent(r.id(), doc.domain().ascii());
                if (other != null) {
                    throw new ApiException(ApiException.Kind.BAD_RESPONSE, "the service gives record id " + r.id()
                            + " to both " + other + " and " + doc.domain() + "; nothing was changed");
                }
            }
        }
    }

    private static List<SyncReport.Disagreement> disagreements(DomainWithRecords d, Map<String, DnsRecord> previous) {
        List<SyncReport.Disagreement> result = new ArrayList<>();
        for (DnsRecord r : d.records()) {
            DnsRecord ours = previous.get(r.id());
            if (ours == null || r.serviceVerified() == null || !sameRecord(ours, r)) {
                continue;
            }
            CheckState state = ours.checkState();
            boolean judged = state == CheckState.VERIFIED || state == CheckState.MISMATCH || state == CheckState.MISSING;
            if (judged && (state == CheckState.VERIFIED) != r.serviceVerified()) {
                result.add(new SyncReport.Disagreement(d.domain().name().ascii(), r.recordType().name(), r.name(),
                        r.serviceVerified(), state.wire()));
            }
        }
        return result;
    }

    private static boolean sameRecord(DnsRecord a, DnsRecord b) {
        return a.recordType() == b.recordType() && a.name().equals(b.name()) && a.value().equals(b.value());
    }
}
