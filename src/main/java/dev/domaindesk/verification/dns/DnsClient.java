package dev.domaindesk.verification.dns;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.ResolverConfig;
import org.xbill.DNS.SimpleResolver;

/**
 * Asks DNS for one check run: each question one datagram on the run's shared UDP sockets ({@link WireQuery}), the
 * answer parsed by dnsjava; at most {@code window} queries in flight; an identical question asked once while it is in
 * flight or among the last {@code remembered} answered (a domain's records ask the same names within milliseconds;
 * SPF includes are shared by many domains); TCP when an answer is truncated; and one retry (on the next resolver,
 * when there are several) after a timeout, a network error, SERVFAIL or REFUSED.
 */
public final class DnsClient {
    private static final Logger LOG = LoggerFactory.getLogger(DnsClient.class);

    /**
     * Answers kept per question the window allows in flight: a check has about as many domains in progress as the
     * window, each asking under 20 questions within milliseconds. More kept answers outlived young collections, were
     * copied into the old generation and died there (decision 0020).
     */
    static final int REMEMBERED_PER_QUERY = 20;

    private final ThreadLocal<Boolean> pumping = ThreadLocal.withInitial(() -> false);

    private final List<InetSocketAddress> resolvers;
    private final Duration timeout;
    private final int window;
    private final Map<InetSocketAddress, SimpleResolver> tcpClients = new ConcurrentHashMap<>();
    private final SharedUdpClient udp = new SharedUdpClient();
    /**
     * Questions in flight and the most recent answers. Bounded: a run over thousands of domains otherwise keeps every
     * answer (and its parsed records) to its end, which the collector copies again and again.
     */
    private final Map<QueryKey, CompletableFuture<DnsAnswer>> asked;
    private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicInteger networkFailures = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();
    private int inFlight;
    private int maxInFlightSeen;
    private volatile boolean cancelled;

    private record Pending(QueryKey key, CompletableFuture<DnsAnswer> result) {
    }

    /** {@code resolvers} empty: the system's, as dnsjava's ResolverConfig reads them. */
    public DnsClient(List<InetSocketAddress> resolvers, Duration timeout, int window) {
        this(resolvers, timeout, window,
                (int) Math.min(Integer.MAX_VALUE, Math.max(4_096L, (long) window * REMEMBERED_PER_QUERY)));
    }

    /** {@code remembered}: how many answered questions are kept for identical questions asked later. */
    DnsClient(List<InetSocketAddress> resolvers, Duration timeout, int window, int remembered) {
        this.asked = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<QueryKey, CompletableFuture<DnsAnswer>> eldest) {
                return size() > remembered && eldest.getValue().isDone(); // a question in flight stays
            }
        };
        this.resolvers = resolvers.isEmpty() ? List.copyOf(ResolverConfig.getCurrentConfig().servers()) : List.copyOf(resolvers);
        this.timeout = timeout;
        this.window = window;
    }

    public List<InetSocketAddress> resolvers() {
        return resolvers;
    }

    /** Asks the run's resolvers. */
    public CompletableFuture<DnsAnswer> ask(Name name, int type) {
        return ask(new QueryKey(name, type, null));
    }

    /** Asks one server directly (an authoritative one). */
    public CompletableFuture<DnsAnswer> ask(InetSocketAddress server, Name name, int type) {
        return ask(new QueryKey(name, type, server));
    }

    private CompletableFuture<DnsAnswer> ask(QueryKey key) {
        CompletableFuture<DnsAnswer> mine = new CompletableFuture<>();
        synchronized (asked) {
            CompletableFuture<DnsAnswer> existing = asked.putIfAbsent(key, mine);
            if (existing != null) {
                return existing;
            }
        }
        if (cancelled) {
            mine.completeExceptionally(new CancellationException("check cancelled"));
            return mine;
        }
        synchronized (this) {
            waiting.add(new Pending(key, mine));
        }
        pump();
        return mine;
    }

    /**
     * Sends waiting questions while the window has room. Re-entrant calls (an answer completing synchronously,
     * its continuations asking more) return at once: the outermost loop picks their work up, so the stack stays flat.
     */
    private void pump() {
        if (pumping.get()) {
            return;
        }
        pumping.set(true);
        try {
            drain();
        } finally {
            pumping.set(false);
        }
    }

    private void drain() {
        while (true) {
            Pending next;
            synchronized (this) {
                if (inFlight >= window || waiting.isEmpty()) {
                    return;
                }
                next = waiting.poll();
                inFlight++;
                maxInFlightSeen = Math.max(maxInFlightSeen, inFlight);
            }
            send(next, 0);
        }
    }

    private void send(Pending p, int attempt) {
        InetSocketAddress server = p.key().server() != null ? p.key().server() : resolvers.get(attempt % resolvers.size());
        Exchange exchange = new Exchange(p, attempt, server);
        udp.send(server, WireQuery.encode(p.key().name(), p.key().type()), timeout)
                .thenCompose(exchange)
                .whenComplete(exchange);
    }

    /**
     * One question's datagram turned into its answer. A class rather than two lambdas: the command JVM's C1 creates a
     * capturing lambda through a method handle, and every question of a check passes here.
     */
    private final class Exchange implements Function<byte[], CompletionStage<Message>>, BiConsumer<Message, Throwable> {
        private final Pending pending;
        private final int attempt;
        private final InetSocketAddress server;

        Exchange(Pending pending, int attempt, InetSocketAddress server) {
            this.pending = pending;
            this.attempt = attempt;
            this.server = server;
        }

        /** The datagram parsed; a truncated answer asked again over TCP. */
        @Override
        public CompletionStage<Message> apply(byte[] datagram) {
            Name name = pending.key().name();
            int type = pending.key().type();
            Message response;
            try {
                response = WireQuery.decode(datagram, name, type);
            } catch (IOException e) {
                return CompletableFuture.failedFuture(e);
            }
            return response.getHeader().getFlag(Flags.TC)
                    ? overTcp(server).sendAsync(Message.newQuery(Record.newRecord(name, type, DClass.IN)),
                            Runnable::run).toCompletableFuture()
                    : CompletableFuture.completedFuture(response);
        }

        /** The answer, or the question asked once more after a failure that another try may mend. */
        @Override
        public void accept(Message response, Throwable error) {
            int type = pending.key().type();
            DnsAnswer answer = error == null ? Answers.of(response, type) : Answers.of(error);
            if (answer.failed() && attempt == 0 && !cancelled && retryable(answer, pending.key())) {
                LOG.debug("Retrying {} {} after: {}", pending.key().name(), type, answer.detail());
                retries.incrementAndGet();
                send(pending, 1);
                return;
            }
            finish(pending, answer);
        }
    }

    private boolean retryable(DnsAnswer answer, QueryKey key) {
        return answer.networkFailure() || (key.server() == null && resolvers.size() > 1);
    }

    private void finish(Pending p, DnsAnswer answer) {
        answered.incrementAndGet();
        if (answer.networkFailure()) {
            networkFailures.incrementAndGet();
        }
        synchronized (this) {
            inFlight--;
        }
        try {
            if (cancelled) {
                p.result().completeExceptionally(new CancellationException("check cancelled"));
            } else {
                p.result().complete(answer);
            }
        } finally {
            pump();
        }
    }

    /** For an answer that came truncated over UDP: the same question over TCP, as dnsjava's resolver asks it. */
    private SimpleResolver overTcp(InetSocketAddress server) {
        return tcpClients.computeIfAbsent(server, s -> {
            SimpleResolver r = new SimpleResolver(s);
            r.setTimeout(timeout);
            r.setTCP(true);
            return r;
        });
    }

    /** Drops every question not yet sent; those in flight end as cancelled when their answer comes. */
    public void cancel() {
        cancelled = true;
        List<Pending> dropped;
        synchronized (this) {
            dropped = List.copyOf(waiting);
            waiting.clear();
        }
        dropped.forEach(p -> p.result().completeExceptionally(new CancellationException("check cancelled")));
    }

    /** Questions answered (or failed) so far. */
    public int answered() {
        return answered.get();
    }

    /** The most questions that were in flight at once (never more than the window). */
    public synchronized int maxInFlightSeen() {
        return maxInFlightSeen;
    }

    /** Questions sent a second time after a failure. */
    public int retries() {
        return retries.get();
    }

    /** Questions that got no answer at all (timeouts, unreachable networks), after their retry. */
    public int networkFailures() {
        return networkFailures.get();
    }
}
