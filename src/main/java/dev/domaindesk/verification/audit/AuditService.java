package dev.domaindesk.verification.audit;

import dev.domaindesk.concurrent.BackgroundThreads;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainRepository;
import dev.domaindesk.verification.CheckOptions;
import dev.domaindesk.verification.dns.DnsClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Objects;
import java.util.Set;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Audits domains (DNSSEC, DKIM keys, receiving and reporting records, sender requirements) and stores the latest
 * audit of each. Plain Java, shared by the window and the command line; each call has its own DNS client.
 */
public final class AuditService {
    private static final Logger LOG = LoggerFactory.getLogger(AuditService.class);
    private static final int DOMAINS_IN_FLIGHT = 32;
    private static final int FEW = 50;

    private final DomainRepository domains;
    private final AuditRepository audits;
    private final Clock clock;
    private final AuditSetup setup;

    public AuditService(DomainRepository domains, AuditRepository audits, Clock clock, AuditSetup setup) {
        this.domains = domains;
        this.audits = audits;
        this.clock = clock;
        this.setup = setup;
    }

    /** Audits the domains with these ids (unknown ones are skipped), stores and returns the audits in that order. */
    public CompletableFuture<List<DomainAudit>> audit(Collection<String> domainIds, CheckOptions options) {
        List<Domain> list = load(new LinkedHashSet<>(domainIds));
        Map<String, List<DnsRecord>> records = domains.recordsOf(list.stream().map(Domain::id).toList());
        DnsClient client = new DnsClient(options.resolvers(), options.timeout(), options.maxInFlight());
        ExecutorService blocking = Executors.newFixedThreadPool(2, BackgroundThreads.named("domaindesk-audit"));
        DomainAuditor auditor = new DomainAuditor(client::ask,
                new DnssecProbe(client.resolvers(), options.timeout(), setup.trustAnchors(), blocking),
                new MtaStsFetcher(setup.tls().get(), setup.httpsPort(), setup.httpsTimeout()), blocking, clock);
        LOG.info("Auditing {} domains", list.size());
        CompletableFuture<List<DomainAudit>> result = new Window(list, records, auditor).run().thenApply(done -> {
            audits.save(done);
            return done;
        });
        return result.whenComplete((ok, error) -> blocking.shutdown());
    }

    /** The domains with these ids, in that order; one query for many, one per id for a few. */
    private List<Domain> load(Set<String> ids) {
        if (ids.size() <= FEW) {
            return ids.stream().map(domains::findById).flatMap(Optional::stream).toList();
        }
        Map<String, Domain> all = new HashMap<>();
        domains.findAll().forEach(d -> all.put(d.id(), d));
        return ids.stream().map(all::get).filter(Objects::nonNull).toList();
    }

    public Optional<DomainAudit> latest(String domainId) {
        return audits.find(domainId);
    }

    public Map<String, DomainAudit> latest(Collection<String> domainIds) {
        return audits.find(domainIds);
    }

    /** At most {@link #DOMAINS_IN_FLIGHT} domains at once; results in the order given. */
    private static final class Window {
        private final List<Domain> list;
        private final Map<String, List<DnsRecord>> records;
        private final DomainAuditor auditor;
        private final DomainAudit[] results;
        private final ConcurrentLinkedQueue<Integer> waiting = new ConcurrentLinkedQueue<>();
        private final AtomicInteger remaining;
        private final CompletableFuture<List<DomainAudit>> done = new CompletableFuture<>();

        Window(List<Domain> list, Map<String, List<DnsRecord>> records, DomainAuditor auditor) {
            this.list = list;
            this.records = records;
            this.auditor = auditor;
            this.results = new DomainAudit[list.size()];
            this.remaining = new AtomicInteger(list.size());
            for (int i = 0; i < list.size(); i++) {
                waiting.add(i);
            }
        }

        CompletableFuture<List<DomainAudit>> run() {
            if (list.isEmpty()) {
                done.complete(List.of());
            }
            for (int i = 0; i < DOMAINS_IN_FLIGHT; i++) {
                next();
            }
            return done;
        }

        private void next() {
            Integer i = waiting.poll();
            if (i == null) {
                return;
            }
            Domain d = list.get(i);
            CompletableFuture<DomainAudit> one;
            try {
                one = auditor.audit(d, records.getOrDefault(d.id(), List.of()));
            } catch (RuntimeException e) {
                one = CompletableFuture.failedFuture(e);
            }
            one.whenComplete((audit, error) -> {
                if (error != null) {
                    LOG.error("Auditing {} failed", d.name().ascii(), error);
                }
                results[i] = audit;
                if (remaining.decrementAndGet() == 0) {
                    List<DomainAudit> all = new ArrayList<>();
                    for (DomainAudit a : results) {
                        if (a != null) {
                            all.add(a);
                        }
                    }
                    done.complete(all);
                } else {
                    next();
                }
            });
        }
    }
}
