package dev.domaindesk.api.server;

import com.sun.net.httpserver.HttpServer;
import dev.domaindesk.api.keys.ApiKeyService;
import dev.domaindesk.domains.DomainRepository;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code /api/v2/domains} from the store with the JDK's HTTP server. Requests run on a bounded pool
 * ({@code threads} workers, a queue of 256); when both are full the accepting thread runs the request itself,
 * which stops it accepting more until one finishes: back-pressure instead of unbounded threads or memory.
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final HttpServer server;
    private final ThreadPoolExecutor pool;

    private ApiServer(HttpServer server, ThreadPoolExecutor pool) {
        this.server = server;
        this.pool = pool;
    }

    /** Starts serving on {@code bind:port} (port 0: any free port). */
    public static ApiServer start(String bind, int port, int threads, DomainRepository repository, ApiKeyService keys,
                                  DomainCheckRunner checks) throws IOException {
        limitSlowClients();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(bind), port), 64);
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(256), r -> {
                    Thread t = new Thread(r, "api-server-" + THREADS.incrementAndGet());
                    t.setDaemon(true);
                    t.setUncaughtExceptionHandler((th, e) -> LOG.error("Uncaught in {}", th.getName(), e));
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        server.createContext("/", new ApiHandler(keys, new DomainsApi(repository, checks)));
        server.setExecutor(pool);
        server.start();
        return new ApiServer(server, pool);
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
        pool.shutdownNow();
    }
}
