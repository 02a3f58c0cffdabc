package dev.domaindesk.api.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.domaindesk.api.json.ServiceJson;
import dev.domaindesk.apikeys.ApiKeyService;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of the API: Bearer authentication first (no key, no data, not even a 404 or 405), then the method
 * (GET only), then the route. Runs on the connection's thread; only an authenticated GET's answer is computed on
 * one of the {@code workers} (see {@link ApiServer}). Unexpected failures answer 500 with {@code details}; the key
 * is never logged.
 */
final class ApiHandler implements HttpHandler {
    static final String BASE = "/api/v2/domains";
    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);

    private final ApiKeyService keys;
    private final DomainsApi api;
    private final Executor workers;

    ApiHandler(ApiKeyService keys, DomainsApi api, Executor workers) {
        this.keys = keys;
        this.api = api;
        this.workers = workers;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            drain(exchange.getRequestBody());
            ApiResponse response;
            Optional<String> keyName;
            String path = exchange.getRequestURI().getPath();
            try {
                keyName = authenticate(exchange);
            } catch (RuntimeException e) {
                LOG.error("Checking the key of a request to {} failed", path, e);
                write(exchange, ApiResponse.error(500, "Failed to authenticate", String.valueOf(e.getMessage())));
                return;
            }
            if (keyName.isEmpty()) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                response = ApiResponse.error(401, "Unauthorized");
            } else if (!exchange.getRequestMethod().equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET");
                response = ApiResponse.error(405, "Method not allowed");
            } else {
                Query query = new Query(exchange.getRequestURI().getRawQuery());
                response = onWorker(() -> route(path, query), path);
            }
            LOG.debug("{} {} -> {} (key {})", exchange.getRequestMethod(), path, response.status(),
                    keyName.orElse("none"));
            write(exchange, response);
        }
    }

    /** Computes an answer on a worker; this connection's thread waits for it and then writes it. */
    private ApiResponse onWorker(Supplier<ApiResponse> answer, String path) {
        try {
            return CompletableFuture.supplyAsync(answer, workers).join();
        } catch (CompletionException | RejectedExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            LOG.error("GET {} failed", path, cause);
            return ApiResponse.error(500, "Failed to fetch domains", String.valueOf(cause.getMessage()));
        }
    }

    private Optional<String> authenticate(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return keys.authenticate(header.substring(7).strip());
    }

    private ApiResponse route(String path, Query query) {
        String error = "Failed to fetch domains";
        try {
            if (path.equals(BASE) || path.equals(BASE + "/")) {
                return api.list(query);
            }
            if (!path.startsWith(BASE + "/")) {
                return ApiResponse.error(404, "Not found");
            }
            String[] parts = path.substring(BASE.length() + 1).split("/", -1);
            if (parts.length == 1 && !parts[0].isEmpty()) {
                error = "Failed to fetch domain";
                return api.domain(parts[0], query);
            }
            if (parts.length == 2 && !parts[0].isEmpty() && parts[1].equals("dns-records")) {
                error = "Failed to fetch DNS records";
                return api.records(parts[0]);
            }
            return ApiResponse.error(404, "Not found");
        } catch (RuntimeException e) {
            LOG.error("GET {} failed", path, e);
            return ApiResponse.error(500, error, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private static void write(HttpExchange exchange, ApiResponse response) throws IOException {
        byte[] body = ServiceJson.mapper().writeValueAsBytes(response.body());
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(response.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void drain(InputStream body) throws IOException {
        byte[] buffer = new byte[8192];
        long total = 0;
        int n;
        while ((n = body.read(buffer)) > 0 && total < 1_048_576) {
            total += n;
        }
    }
}
