package dev.domaindesk.api.client;

import dev.domaindesk.files.DocumentReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * Pages through {@code GET /domains?limit=100&offset=...} until {@code hasMore} is false. Refuses a listing that
 * never ends: an empty page that claims more, a page past {@code total} that claims more, a domain seen twice,
 * more pages than the setting {@code api.maxPages}, or more time than {@code api.maxSyncSeconds}.
 */
final class DomainPager {
    static final int PAGE_SIZE = 100;

    private final ServiceClient client;
    private final ServiceAnswers answers;
    private final int maxPages;
    private final SyncDeadline deadline;

    DomainPager(ServiceClient client, ServiceAnswers answers, int maxPages, SyncDeadline deadline) {
        this.client = client;
        this.answers = answers;
        this.maxPages = maxPages;
        this.deadline = deadline;
    }

    List<DocumentReader.DomainEntry> all(SyncListener listener) {
        List<DocumentReader.DomainEntry> all = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        int offset = 0;
        for (int pages = 1; ; pages++) {
            if (listener.cancelled()) {
                throw new CancellationException("sync cancelled; nothing was changed");
            }
            if (pages > maxPages) {
                throw new ApiException(ApiException.Kind.BAD_RESPONSE, "the domain list did not end after " + maxPages
                        + " pages (setting api.maxPages): the service keeps answering hasMore=true; nothing was changed");
            }
            String doing = pages == 1 ? "listing domains, before the first page" : "listing domains: " + all.size()
                    + " listed in " + (pages - 1) + " pages, and the service still answers hasMore=true";
            deadline.check(() -> doing);
            String what = "GET /domains?limit=" + PAGE_SIZE + "&offset=" + offset;
            byte[] body;
            try {
                body = client.get("/domains?limit=" + PAGE_SIZE + "&offset=" + offset, deadline);
            } catch (ApiException e) {
                // the time ran out during the request: say what the whole sync was doing, not only this request
                throw deadline.ranOut() ? deadline.stop(doing + " (waiting for the answer to " + what + ")") : e;
            }
            ServiceAnswers.Page page = answers.page(what, body);
            for (DocumentReader.DomainEntry d : page.domains()) {
                if (!ids.add(d.id()) || !names.add(d.domain().ascii())) {
                    throw new ApiException(ApiException.Kind.BAD_RESPONSE, "the answer to " + what + " repeats domain "
                            + d.domain() + " (id " + d.id() + ") from an earlier page: the pages overlap or loop;"
                            + " nothing was changed");
                }
            }
            all.addAll(page.domains());
            listener.progress(SyncListener.Phase.LISTING, all.size(), page.total());
            if (!page.hasMore()) {
                return all;
            }
            if (page.domains().isEmpty()) {
                throw ServiceAnswers.shape(what, "an empty page says hasMore=true, so the listing would never end");
            }
            offset += page.domains().size();
            if (offset >= page.total()) {
                throw ServiceAnswers.shape(what, "hasMore is true but " + offset + " of total " + page.total()
                        + " domains were already listed");
            }
        }
    }
}
