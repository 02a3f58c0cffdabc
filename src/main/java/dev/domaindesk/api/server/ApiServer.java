package dev.domaindesk.api.server;

import com.sun.net.httpserver.HttpServer;
import dev.domaindesk.api.keys.ApiKeyService;
import dev.domaindesk.domains.DomainRepository;
import dev.domaindesk.verification.CheckStarter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code /api/v2/domains} from the store with the JDK's HTTP server, in two stages
 * (docs/decisions/0012-serve-reads-requests-apart-from-workers.md). The JDK server hands a connection to its executor
 * as soon as the first byte arrives and reads the request line and headers there, blocking; so the executor is a
 * pool of up to {@value #READERS} cheap connection threads, which read, authenticate and answer 401 themselves.
 * Only an authenticated request takes one of the {@code threads} workers, and only to compute its answer: clients
 * that send slowly, or without a key, never hold a worker. Past {@value #READERS} connections in progress a new one
 * is closed at once (the JDK server closes what its executor refuses); each has 30 s to send its request.
 */
public final class ApiServer implements AutoCloseable {
    /** Connections whose request is being read or answered at once: threads blocked on slow sockets cost little. */
    static final int READERS = 256;
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final HttpServer server;
    private final ThreadPoolExecutor readers;
    private final ThreadPoolExecutor workers;

    private ApiServer(HttpServer server, ThreadPoolExecutor readers, ThreadPoolExecutor workers) {
        this.server = server;
        this.readers = readers;
        this.workers = workers;
    }

    /**
     * Starts serving on {@code bind:port} (port 0: any free port) with {@code threads} workers; {@code ?check=true}
     * checks through {@code checks} (null: answers 501).
     */
    public static ApiServer start(String bind, int port, int threads, DomainRepository repository, ApiKeyService keys,
                                  CheckStarter checks) throws IOException {
        limitSlowClients();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(bind), port), 64);
        // no queue: a connection either gets a thread now or is closed, never waits behind slow ones
        ThreadPoolExecutor readers = new ThreadPoolExecutor(0, READERS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                named("api-connection-"), new ThreadPoolExecutor.AbortPolicy());
        // the queue is bounded by the readers: each waits for its one answer
        ThreadPoolExecutor workers = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), named("api-server-"));
        server.createContext("/", new ApiHandler(keys, new DomainsApi(repository, checks), workers));
        server.setExecutor(readers);
        server.start();
        return new ApiServer(server, readers, workers);
    }

    private static ThreadFactory named(String prefix) {
        return r -> {
            Thread t = new Thread(r, prefix + THREADS.incrementAndGet());
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((th, e) -> LOG.error("Uncaught in {}", th.getName(), e));
            return t;
        };
    }

    /**
     * The JDK server's own limits on slow or idle clients, unless the user set them already; and TCP_NODELAY, without
     * which every small answer waits for a delayed ACK (docs/decisions/0009-jdk-http-server.md).
     */
    private static void limitSlowClients() {
        System.getProperties().putIfAbsent("sun.net.httpserver.nodelay", "true");
        System.getProperties().putIfAbsent("sun.net.httpserver.maxReqTime", "30");
        System.getProperties().putIfAbsent("sun.net.httpserver.maxRspTime", "60");
        System.getProperties().putIfAbsent("sun.net.httpserver.idleInterval", "30");
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** True when bound to a loopback address only, i.e. unreachable from other machines. */
    public boolean loopbackOnly() {
        return server.getAddress().getAddress().isLoopbackAddress();
    }

    @Override
    public void close() {
        server.stop(1);
        readers.shutdownNow();
        workers.shutdownNow();
    }
}
