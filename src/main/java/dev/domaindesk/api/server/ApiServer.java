package dev.domaindesk.api.server;

import com.sun.net.httpserver.HttpServer;
import dev.domaindesk.apikeys.ApiKeyService;
import dev.domaindesk.concurrent.BackgroundThreads;
import dev.domaindesk.domains.DomainRepository;
import dev.domaindesk.verification.CheckStarter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

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

    private final HttpServer server;
    private final ExecutorService readers;
    private final ExecutorService workers;
    /** True when started with pools of its own (tests), shut down by {@link #close()}; else the app's. */
    private final boolean ownsPools;

    private ApiServer(HttpServer server, ExecutorService readers, ExecutorService workers, boolean ownsPools) {
        this.server = server;
        this.readers = readers;
        this.workers = workers;
        this.ownsPools = ownsPools;
    }

    /** Starts serving with pools of its own, shut down by {@link #close()} (tests; the app passes its own). */
    public static ApiServer start(String bind, int port, int threads, DomainRepository repository, ApiKeyService keys,
                                  CheckStarter checks) throws IOException {
        return start(bind, port, readers(), workers(threads), repository, keys, checks, true);
    }

    /**
     * Starts serving on {@code bind:port} (port 0: any free port); {@code ?check=true} checks through {@code checks}
     * (null: answers 501). The pools are the caller's ({@link #readers()}, {@link #workers(int)}), which shuts them down.
     */
    public static ApiServer start(String bind, int port, ExecutorService readers, ExecutorService workers,
                                  DomainRepository repository, ApiKeyService keys, CheckStarter checks)
            throws IOException {
        return start(bind, port, readers, workers, repository, keys, checks, false);
    }

    private static ApiServer start(String bind, int port, ExecutorService readers, ExecutorService workers,
                                   DomainRepository repository, ApiKeyService keys, CheckStarter checks,
                                   boolean ownsPools) throws IOException {
        limitSlowClients();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(bind), port), 64);
        server.createContext("/", new ApiHandler(keys, new DomainsApi(repository, checks), workers));
        server.setExecutor(readers);
        server.start();
        return new ApiServer(server, readers, workers, ownsPools);
    }

    /**
     * The connection threads: no queue, so a connection either gets a thread now or is closed, never waits behind
     * slow ones (the JDK server closes what its executor refuses).
     */
    public static ExecutorService readers() {
        return new ThreadPoolExecutor(0, READERS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                BackgroundThreads.numbered("api-connection"), new ThreadPoolExecutor.AbortPolicy());
    }

    /** The {@code threads} workers; their queue is bounded by the readers: each waits for its one answer. */
    public static ExecutorService workers(int threads) {
        return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                BackgroundThreads.numbered("api-server"));
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
        if (ownsPools) {
            readers.shutdownNow();
            workers.shutdownNow();
        }
    }
}
