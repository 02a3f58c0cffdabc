package dev.domaindesk.api.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.domaindesk.api.json.ServiceDocuments;
import dev.domaindesk.api.json.ServiceJson;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainStatus;
import dev.domaindesk.domains.DomainWithRecords;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A stand-in for the email service on loopback (the JDK's HTTP server): serves {@code /api/v2/domains} and
 * {@code /dns-records} in the documented shapes, checks the Bearer key, and can be told to misbehave on a path.
 */
public final class FakeService implements AutoCloseable {
    public static final String KEY = "sk_test_4f1c2a9e0b7d6c5a3e8f1b2c4d6e8f0a";

    /** Answers a request instead of the normal handler; {@code attempt} counts matching requests from 1. */
    @FunctionalInterface
    public interface Responder {
        void respond(HttpExchange exchange, int attempt) throws IOException;
    }

    private record Interceptor(Predicate<String> matches, Responder responder, int times, int[] count) {
    }

    private final HttpServer server;
    private final List<DomainWithRecords> domains = new CopyOnWriteArrayList<>();
    private final List<Interceptor> overrides = new CopyOnWriteArrayList<>();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());

    public FakeService() throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "fake-service");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v2";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public FakeService serve(List<DomainWithRecords> list) {
        domains.clear();
        domains.addAll(list);
        return this;
    }

    /** Makes requests whose path-and-query matches answer through {@code responder}. */
    public FakeService on(Predicate<String> pathAndQuery, Responder responder) {
        return onFirst(pathAndQuery, Integer.MAX_VALUE, responder);
    }

    /** Like {@link #on} for the first {@code times} matching requests; later ones get the normal answer. */
    public FakeService onFirst(Predicate<String> pathAndQuery, int times, Responder responder) {
        overrides.add(0, new Interceptor(pathAndQuery, responder, times, new int[1]));
        return this;
    }

    public List<String> requests() {
        return List.copyOf(requests);
    }

    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestURI().getRawPath().replaceFirst("^/api/v2", "")
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            requests.add(target);
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            for (Interceptor o : overrides) {
                if (o.matches().test(target)) {
                    int attempt;
                    synchronized (o.count()) {
                        attempt = ++o.count()[0];
                    }
                    if (attempt <= o.times()) {
                        o.responder().respond(exchange, attempt);
                        return;
                    }
                }
            }
            if (!("Bearer " + KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 401, "{\"error\": \"Unauthorized\"}");
                return;
            }
            normal(exchange, target);
        }
    }

    private void normal(HttpExchange exchange, String target) throws IOException {
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        if (path.equals("/domains")) {
            Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
            int limit = Integer.parseInt(q.getOrDefault("limit", "50"));
            int offset = Integer.parseInt(q.getOrDefault("offset", "0"));
            if (limit < 1 || limit > 100) {
                send(exchange, 400, "{\"error\": \"Limit must be between 1 and 100\"}");
                return;
            }
            List<Domain> all = domains.stream().map(DomainWithRecords::domain).toList();
            List<Domain> page = all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()));
            Map<DomainStatus, Integer> counts = new EnumMap<>(DomainStatus.class);
            all.forEach(d -> counts.merge(d.status(), 1, Integer::sum));
            send(exchange, 200, json(ServiceDocuments.list(page, limit, offset, all.size(), counts, 0)));
            return;
        }
        String[] parts = path.split("/");
        if (parts.length == 4 && parts[3].equals("dns-records")) {
            for (DomainWithRecords d : domains) {
                if (d.domain().id().equals(parts[2])) {
                    send(exchange, 200, json(ServiceDocuments.dnsRecords(d)));
                    return;
                }
            }
        }
        send(exchange, 404, "{\"error\": \"Domain not found\"}");
    }

    public static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static String json(Object document) throws IOException {
        return ServiceJson.mapper().writeValueAsString(document);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new java.util.HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                q.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        return q;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
