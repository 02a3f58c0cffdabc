package dev.domaindesk.api.client;

import dev.domaindesk.api.DocumentReader;
import dev.domaindesk.concurrent.BackgroundThreads;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/** Downloads {@code GET /domains/{id}/dns-records} for many domains, a few at once; the first failure stops all. */
final class RecordFetcher {
    private final ServiceClient client;
    private final ServiceAnswers answers;
    private final int parallelism;
    private final SyncDeadline deadline;
    private final java.util.concurrent.atomic.AtomicInteger downloaded = new java.util.concurrent.atomic.AtomicInteger();

    RecordFetcher(ServiceClient client, ServiceAnswers answers, int parallelism, SyncDeadline deadline) {
        this.client = client;
        this.answers = answers;
        this.parallelism = parallelism;
        this.deadline = deadline;
    }

    /** The records document of each domain, keyed by the domain's id, in the order given. */
    Map<String, DocumentReader.RecordsEntry> fetch(List<DocumentReader.DomainEntry> domains, SyncListener listener) {
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, BackgroundThreads.numbered("sync-records"));
        ExecutorCompletionService<DocumentReader.RecordsEntry> done = new ExecutorCompletionService<>(pool);
        List<Future<DocumentReader.RecordsEntry>> futures = new ArrayList<>();
        try {
            AtomicBoolean failed = new AtomicBoolean();
            for (DocumentReader.DomainEntry d : domains) {
                futures.add(done.submit(() -> {
                    if (failed.get()) { // the sync fails anyway: no more requests (and retries) to the service
                        throw new CancellationException("an earlier download failed");
                    }
                    try {
                        return one(d, listener);
                    } catch (RuntimeException e) {
                        failed.set(true);
                        throw e;
                    }
                }));
            }
            for (int i = 0; i < domains.size(); i++) {
                done.take().get();
                listener.progress(SyncListener.Phase.RECORDS, i + 1, domains.size());
            }
            Map<String, DocumentReader.RecordsEntry> result = new LinkedHashMap<>();
            for (int i = 0; i < domains.size(); i++) {
                result.put(domains.get(i).id(), futures.get(i).get());
            }
            return result;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new ApiException(ApiException.Kind.NETWORK, "downloading records failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("sync interrupted; nothing was changed");
        } finally {
            pool.shutdownNow();
        }
    }

    private DocumentReader.RecordsEntry one(DocumentReader.DomainEntry d, SyncListener listener) {
        if (listener.cancelled()) {
            throw new CancellationException("sync cancelled; nothing was changed");
        }
        deadline.check(() -> "downloading records: " + downloaded.get() + " domains done");
        String path = "/domains/" + URLEncoder.encode(d.id(), StandardCharsets.UTF_8) + "/dns-records";
        String what = "GET " + path;
        DocumentReader.RecordsEntry doc = answers.records(what, client.get(path, deadline));
        downloaded.incrementAndGet();
        if (!doc.domainId().equals(d.id()) || !doc.domain().equals(d.domain())) {
            throw ServiceAnswers.shape(what, "it describes " + doc.domain() + " (id " + doc.domainId()
                    + ") instead of " + d.domain() + " (id " + d.id() + ")");
        }
        return doc;
    }
}
