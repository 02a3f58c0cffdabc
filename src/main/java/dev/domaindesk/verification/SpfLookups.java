package dev.domaindesk.verification;

import dev.domaindesk.verification.dns.Asker;
import dev.domaindesk.verification.dns.DnsAnswer;
import dev.domaindesk.verification.rules.Names;
import dev.domaindesk.verification.rules.SpfRule;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.jspf.core.DNSRequest;
import org.apache.james.jspf.core.DNSService;
import org.apache.james.jspf.core.exceptions.TimeoutException;
import org.apache.james.jspf.core.SPFSession;
import org.apache.james.jspf.executor.SPFExecutor;
import org.apache.james.jspf.executor.SPFResult;
import org.apache.james.jspf.executor.SynchronousSPFExecutor;
import org.apache.james.jspf.impl.DNSServiceXBillImpl;
import org.apache.james.jspf.impl.SPF;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Runs RFC 7208 check_host (Apache James jSPF) for a client address and a domain, its DNS questions going through
 * the run's client. The domain's own TXT records can be given instead of asked (the record found by the check, or
 * the expected one), so the evaluation judges exactly what was found, with the domain's real name for macros.
 * jSPF blocks, so it runs on {@code executor}.
 */
final class SpfLookups {
    private static final Logger LOG = LoggerFactory.getLogger(SpfLookups.class);
    /** TEST-NET-1 (RFC 5737): matches no real mechanism, so the whole record is walked. */
    static final String PROBE_IP = "192.0.2.1";
    private static final Pattern DEPTH = Pattern.compile("currentDepth=(\\d+)");

    /**
     * jSPF's result (pass, fail, softfail, neutral, none, permerror, temperror), the DNS-querying terms it met, the
     * void lookups (answers with no data, RFC 7208 section 4.6.4), which jSPF does not limit itself, and for an error
     * what went wrong (empty for the other results).
     */
    record Result(String outcome, int terms, int voids, String detail) {
        boolean temperror() {
            return "temperror".equals(outcome);
        }

        /**
         * Whether a result's detail is shown (in a diagnosis): only an error's. Building jSPF's header text for every
         * domain that shares a result cost a bulk check more allocation than parsing its answers' names.
         */
        static boolean shown(String outcome) {
            return "permerror".equals(outcome) || "temperror".equals(outcome);
        }
    }

    private final Asker asker;
    private final Executor executor;
    private final ThreadLocal<Evaluator> evaluators = ThreadLocal.withInitial(Evaluator::new);
    private final Map<List<Object>, CompletableFuture<Result>> runs = new ConcurrentHashMap<>();
    /** By address and SPF records: the first evaluation, which other domains reuse when it cannot depend on them. */
    private final Map<List<Object>, CompletableFuture<Run>> firstRuns = new ConcurrentHashMap<>();
    private final AtomicInteger evaluations = new AtomicInteger();

    SpfLookups(Asker asker, Executor executor) {
        this.asker = asker;
        this.executor = executor;
    }

    Asker asker() {
        return asker;
    }

    /**
     * check_host({@code ip}, {@code domain}) with {@code domainTxts} served as the domain's TXT records. The same
     * address, domain and SPF records give the same result, so within a run each is evaluated once (a found record
     * equal to the expected one needs no second evaluation).
     */
    CompletableFuture<Result> evaluate(String ip, String domain, List<String> domainTxts) {
        List<String> spfs = domainTxts.stream().filter(SpfRule::isSpf).toList();
        return runs.computeIfAbsent(List.of(ip, domain.toLowerCase(Locale.ROOT), spfs), k -> evaluateOnce(ip, domain, spfs));
    }

    /**
     * Why share: in a bulk check thousands of domains publish the same record ({@code include:amazonses.com ~all});
     * jSPF was most of the SPF cost. When nothing the first evaluation read can depend on the domain (see
     * {@link SpfSharing}) and the domain did not serve itself to an include, another domain's evaluation would ask
     * the same questions, get the same answers (DNS unchanged during the run) and reach the same result: only the
     * header text names the domain, and it is rebuilt for it.
     */
    private CompletableFuture<Result> evaluateOnce(String ip, String domain, List<String> spfs) {
        if (!SpfSharing.plainName(domain)) {
            return CompletableFuture.supplyAsync(() -> run(ip, domain, spfs).result(), executor);
        }
        CompletableFuture<Run> first = firstRuns.computeIfAbsent(List.of(ip, spfs),
                k -> CompletableFuture.supplyAsync(() -> run(ip, domain, spfs), executor));
        return first.thenCompose(r -> {
            if (r.domain().toLowerCase(Locale.ROOT).equals(domain.toLowerCase(Locale.ROOT))) {
                return CompletableFuture.completedFuture(r.result());
            }
            if (r.sharable() && !r.askedTxt().contains(Names.normalize(domain))) {
                return CompletableFuture.completedFuture(r.forDomain(ip, domain));
            }
            return CompletableFuture.supplyAsync(() -> run(ip, domain, spfs).result(), executor);
        });
    }

    /** How many times jSPF ran (tests: shared results are not evaluated again). */
    int evaluations() {
        return evaluations.get();
    }

    private Run run(String ip, String domain, List<String> domainTxts) {
        evaluations.incrementAndGet();
        Evaluator evaluator = evaluators.get();
        evaluator.dns.start(domain, domainTxts);
        SPFResult result = evaluator.spf.checkSPF(ip, "postmaster@" + domain, domain);
        String outcome = result.getResult();
        int terms = depth(evaluator.session);
        Adapter dns = evaluator.dns;
        String detail = dns.failure != null ? dns.failure : Result.shown(outcome) ? result.getHeaderText() : "";
        LOG.debug("jSPF for {} from {}: {} after {} DNS-querying terms, {} void lookups", domain, ip, outcome, terms, dns.voids);
        boolean sharable = dns.failure == null && !"temperror".equals(outcome) && dns.servedAsks <= 1
                && !dns.domainDependent && domainTxts.stream().noneMatch(SpfSharing::mayDependOnDomain);
        String current = evaluator.session == null ? null : evaluator.session.getCurrentDomain();
        String finalDomain = current == null || current.equals(evaluator.session.getSenderDomain()) ? null : current;
        return new Run(domain, new Result(outcome, terms, dns.voids, detail), sharable && evaluator.session != null,
                Set.copyOf(dns.askedTxt), finalDomain);
    }

    /**
     * One evaluation and what decides whether another domain may reuse it: whether anything read could depend on
     * the domain, the names whose TXT records were asked (a domain among them would have been served its own
     * records instead), and the domain jSPF ended on when a redirect moved it (null: the evaluated domain).
     */
    private record Run(String domain, Result result, boolean sharable, Set<String> askedTxt, String finalDomain) {
        /** The result for {@code other}: the same, with jSPF's header text built for {@code other} by jSPF itself. */
        Result forDomain(String ip, String other) {
            if (!Result.shown(result.outcome())) {
                return result;
            }
            SPFSession session = new SPFSession("postmaster@" + other, other, ip);
            if (finalDomain != null) {
                session.setCurrentDomain(finalDomain);
            }
            session.setCurrentResultExpanded(result.outcome());
            return new Result(result.outcome(), result.terms(), result.voids(), new SPFResult(session).getHeaderText());
        }
    }

    /** One jSPF instance per worker thread (building one reads jSPF's term definitions from its jar). */
    private final class Evaluator {
        private final SPF spf;
        private final Adapter dns = new Adapter();
        private SPFSession session;

        Evaluator() {
            SynchronousSPFExecutor inner = new SynchronousSPFExecutor(dns);
            SPFExecutor capturing = (s, future) -> {
                session = s;
                inner.execute(s, future);
            };
            this.spf = new SPF(dns, capturing);
        }
    }

    /** jSPF keeps its count of DNS-querying terms private; its session's description carries it. */
    private static int depth(SPFSession session) {
        Matcher m = session == null ? null : DEPTH.matcher(session.toString());
        return m != null && m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** jSPF's DNS interface over the run's client (so resolvers, dedupe and the window apply). */
    private final class Adapter implements DNSService {
        private int recordLimit;
        private Name served;
        private List<String> servedTxts;
        private int voids;
        private String failure;
        private int servedAsks;
        private final Set<String> askedTxt = new HashSet<>();
        private boolean domainDependent;

        void start(String domain, List<String> txts) {
            try {
                served = Name.fromString(domain, Name.root);
            } catch (TextParseException e) {
                served = null;
            }
            servedTxts = txts;
            voids = 0;
            failure = null;
            servedAsks = 0;
            askedTxt.clear();
            domainDependent = false;
        }

        @Override
        public List<String> getRecords(DNSRequest request) throws TimeoutException {
            try {
                return getRecordsAsync(request).toCompletableFuture().join();
            } catch (RuntimeException e) {
                throw new TimeoutException(String.valueOf(e.getMessage()));
            }
        }

        @Override
        public CompletionStage<List<String>> getRecordsAsync(DNSRequest request) {
            if (request.getRecordType() == DNSRequest.SPF) {
                return CompletableFuture.completedFuture(null); // type 99 is obsolete (RFC 7208 3.1): TXT only
            }
            int type = switch (request.getRecordType()) {
                case DNSRequest.A -> Type.A;
                case DNSRequest.AAAA -> Type.AAAA;
                case DNSRequest.MX -> Type.MX;
                case DNSRequest.PTR -> Type.PTR;
                default -> Type.TXT;
            };
            Name name;
            try {
                name = Name.fromString(request.getHostname(), Name.root);
            } catch (TextParseException e) {
                return CompletableFuture.failedFuture(e);
            }
            if (type == Type.TXT) {
                askedTxt.add(Names.normalize(request.getHostname()));
            }
            if (type == Type.TXT && name.equals(served) && servedTxts != null) {
                servedAsks++;
                return CompletableFuture.completedFuture(servedTxts.isEmpty() ? null : servedTxts);
            }
            return asker.ask(name, type).thenApply(answer -> convert(name, answer, type));
        }

        private List<String> convert(Name name, DnsAnswer answer, int type) {
            if (answer.failed()) {
                failure = name + ": " + answer.detail();
                throw new IllegalStateException(answer.detail());
            }
            List<Record> data = answer.ofType(type);
            if (data.isEmpty()) {
                voids++;
                return null;
            }
            List<String> converted = DNSServiceXBillImpl.convertRecordsToList(data.toArray(Record[]::new));
            if (type == Type.TXT && converted.stream().anyMatch(SpfSharing::mayDependOnDomain)) {
                domainDependent = true;
            }
            return converted;
        }

        @Override
        public List<String> getLocalDomainNames() {
            return List.of();
        }

        @Override
        public void setTimeOut(int timeOut) {
            // the run's client owns timeouts
        }

        @Override
        public int getRecordLimit() {
            return recordLimit;
        }

        @Override
        public void setRecordLimit(int limit) {
            this.recordLimit = limit;
        }
    }
}
