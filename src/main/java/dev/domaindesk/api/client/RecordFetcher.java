package dev.domaindesk.api.client;

import dev.domaindesk.files.DocumentReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/** Downloads {@code GET /domains/{id}/dns-records} for many domains, a few at once; the first failure stops all. */
final class RecordFetcher {
    private final ServiceClient client;
    private final ServiceAnswers answers;
    private final int parallelism;
    private final SyncDeadline deadline;
    private final Executor pool;
    private final java.util.concurrent.atomic.AtomicInteger downloaded = new java.util.concurrent.atomic.AtomicInteger();

    RecordFetcher(ServiceClient client, ServiceAnswers answers, int parallelism, SyncDeadline deadline,
                  Executor pool) {
        this.client = client;
        this.answers = answers;
        this.parallelism = parallelism;
        this.deadline = deadline;
        this.pool = pool;
    }

    /**
     * The records document of each domain, keyed by the domain's id, in the order given. At most {@code parallelism}
     * downloads are on the (shared) pool at once; whatever is left when this returns or throws is cancelled.
     */
    Map<String, DocumentReader.RecordsEntry> fetch(List<DocumentReader.DomainEntry> domains, SyncListener listener) {
        ExecutorCompletionService<DocumentReader.RecordsEntry> done = new ExecutorCompletionService<>(pool);
        List<Future<DocumentReader.RecordsEntry>> futures = new ArrayList<>();
        AtomicReference<RuntimeException> failed = new AtomicReference<>();
        try {
            while (futures.size() < Math.min(parallelism, domains.size())) {
                futures.add(done.submit(download(domains.get(futures.size()), listener, failed)));
            }
            for (int i = 0; i < domains.size(); i++) {
                done.take().get();
                if (futures.size() < domains.size()) {
                    futures.add(done.submit(download(domains.get(futures.size()), listener, failed)));
                }
                listener.progress(SyncListener.Phase.RECORDS, i + 1, domains.size());
            }
            Map<String, DocumentReader.RecordsEntry> result = new LinkedHashMap<>();
            for (int i = 0; i < domains.size(); i++) {
                result.put(domains.get(i).id(), futures.get(i).get());
            }
            return result;
        } catch (ExecutionException e) {
            // the download that failed first says why, not one it stopped ("an earlier download failed") that
            // happened to finish before it
            if (failed.get() != null) {
                throw failed.get();
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new ApiException(ApiException.Kind.NETWORK, "downloading records failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("sync interrupted; nothing was changed");
        } finally {
            futures.forEach(f -> f.cancel(true)); // the pool outlives this sync: stop what is still running
        }
    }

    private Callable<DocumentReader.RecordsEntry> download(DocumentReader.DomainEntry d, SyncListener listener,
                                                           AtomicReference<RuntimeException> failed) {
        return () -> {
            if (failed.get() != null) { // the sync fails anyway: no more requests (and retries) to the service
                throw new CancellationException("an earlier download failed");
            }
            try {
                return one(d, listener);
            } catch (RuntimeException e) {
                failed.compareAndSet(null, e);
                throw e;
            }
        };
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
