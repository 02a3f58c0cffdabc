package dev.domaindesk.verification;

import dev.domaindesk.verification.dns.Asker;
import dev.domaindesk.verification.dns.DnsAnswer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
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
 * Evaluates a published SPF record with Apache James jSPF, its DNS questions going through the run's client, to
 * learn whether it exceeds RFC 7208's limit of 10 DNS-querying terms. jSPF blocks, so it runs on {@code executor}.
 */
final class SpfLookups {
    private static final Logger LOG = LoggerFactory.getLogger(SpfLookups.class);
    /** TEST-NET-1: matches no real mechanism, so the whole record is walked. */
    private static final String PROBE_IP = "192.0.2.1";
    private static final Pattern DEPTH = Pattern.compile("currentDepth=(\\d+)");

    /** jSPF's result (pass, fail, softfail, neutral, none, permerror, temperror) and the DNS-querying terms it met. */
    record Result(String outcome, int terms) {
    }

    private final Asker asker;
    private final Executor executor;
    private final ThreadLocal<Evaluator> evaluators = ThreadLocal.withInitial(Evaluator::new);

    SpfLookups(Asker asker, Executor executor) {
        this.asker = asker;
        this.executor = executor;
    }

    CompletableFuture<Result> evaluate(String domain) {
        return CompletableFuture.supplyAsync(() -> run(domain), executor);
    }

    private Result run(String domain) {
        Evaluator evaluator = evaluators.get();
        SPFResult result = evaluator.spf.checkSPF(PROBE_IP, "postmaster@" + domain, domain);
        String outcome = result.getResult();
        int terms = depth(evaluator.session);
        LOG.debug("jSPF for {}: {} after {} DNS-querying terms", domain, outcome, terms);
        return new Result(outcome, terms);
    }

    /** One jSPF instance per worker thread (building one reads jSPF's term definitions from its jar). */
    private final class Evaluator {
        private final SPF spf;
        private SPFSession session;

        Evaluator() {
            Adapter dns = new Adapter();
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
            return asker.ask(name, type).thenApply(answer -> convert(answer, type));
        }

        private List<String> convert(DnsAnswer answer, int type) {
            if (answer.failed()) {
                throw new IllegalStateException(answer.detail());
            }
            List<Record> data = answer.ofType(type);
            return data.isEmpty() ? null : DNSServiceXBillImpl.convertRecordsToList(data.toArray(Record[]::new));
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
