package dev.domaindesk.api.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GET requests to the service with its Bearer key: bounded time, bounded size, bounded retries for 429 (honouring
 * Retry-After) and 5xx (exponential backoff), no redirects (they could carry the key elsewhere). Every failure is an
 * {@link ApiException} whose message names the request; the key never appears in a message or a log.
 */
public final class ServiceClient {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceClient.class);

    private final ApiEndpoint endpoint;
    private final ServiceKey key;
    private final ClientSettings settings;
    private final Sleeper sleeper;
    private final RetryPolicy retries;
    private final HttpClient http;

    public ServiceClient(ApiEndpoint endpoint, ServiceKey key, ClientSettings settings, Sleeper sleeper, Clock clock) {
        this.endpoint = endpoint;
        this.key = key;
        this.settings = settings;
        this.sleeper = sleeper;
        this.retries = new RetryPolicy(settings, clock);
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public ApiEndpoint endpoint() {
        return endpoint;
    }

    /** Masks the key in a failure's message and causes, whatever part of the answer they quote. */
    RuntimeException redact(RuntimeException e) {
        return ApiException.redact(e, key);
    }

    /** The body of a 200 answer to {@code GET base + pathAndQuery}, after bounded retries. */
    public byte[] get(String pathAndQuery) {
        return get(pathAndQuery, SyncDeadline.NONE);
    }

    /** As {@link #get(String)}, with every request, retry and wait ending by {@code deadline}. */
    byte[] get(String pathAndQuery, SyncDeadline deadline) {
        URI uri = endpoint.resolve(pathAndQuery);
        String what = "GET " + pathAndQuery;
        for (int attempt = 0; ; attempt++) {
            deadline.check(() -> "about to send " + what);
            HttpResponse<byte[]> response = exchange(uri, what, deadline);
            int status = response.statusCode();
            if (status == 200) {
                return response.body();
            }
            Duration wait = retries.waitBefore(attempt, response, what);
            if (wait == null) {
                throw ErrorAnswers.toException(what, response);
            }
            if (deadline.cannotWait(wait)) {
                throw deadline.stop(what + " answered " + status + " and a retry would wait " + seconds(wait));
            }
            LOG.info("{} answered {}; retry {} of {} in {} ms", key.mask(what), status, attempt + 1, settings.maxRetries(),
                    wait.toMillis());
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiException(ApiException.Kind.NETWORK, what + " was interrupted", e);
            }
        }
    }

    private HttpResponse<byte[]> exchange(URI uri, String what, SyncDeadline deadline) {
        Duration timeout = deadline.cap(settings.requestTimeout());
        // the sync's limit cut this request's time: a timeout then is the limit, even when the client's own timer
        // fires a moment before the limit's clock says it has passed
        boolean limitedBySync = timeout.compareTo(settings.requestTimeout()) < 0;
        HttpRequest request = HttpRequest.newBuilder(uri)
                .GET()
                .timeout(timeout)
                .header("Authorization", "Bearer " + key.secret())
                .header("Accept", "application/json")
                .header("User-Agent", "DomainDesk")
                .build();
        CompletableFuture<HttpResponse<byte[]>> future =
                http.sendAsync(request, new LimitedBody(settings.maxResponseBytes()));
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw deadline.passed() || limitedBySync ? deadline.cutShort("waiting for the answer to " + what) : timeout(what);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new ApiException(ApiException.Kind.NETWORK, what + " was interrupted", e);
        } catch (ExecutionException e) {
            if (deadline.passed() || limitedBySync && isTimeout(e.getCause())) {
                throw deadline.cutShort("waiting for the answer to " + what);
            }
            throw transportFailure(what, uri, e.getCause());
        }
    }

    private static boolean isTimeout(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof HttpTimeoutException && !(t instanceof HttpConnectTimeoutException)) {
                return true;
            }
        }
        return false;
    }

    private ApiException transportFailure(String what, URI uri, Throwable cause) {
        String host = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof LimitedBody.TooLargeException) {
                return new ApiException(ApiException.Kind.BAD_RESPONSE, "the answer to " + what + " is larger than "
                        + settings.maxResponseBytes() + " bytes (setting api.maxResponseBytes); nothing was changed", t);
            }
            if (t instanceof HttpConnectTimeoutException) {
                return new ApiException(ApiException.Kind.TIMEOUT, "could not connect to " + host + " within "
                        + seconds(settings.connectTimeout()) + " (setting api.connectTimeoutMs)", t);
            }
            if (t instanceof HttpTimeoutException) {
                return timeout(what);
            }
            if (t instanceof SSLException) {
                return new ApiException(ApiException.Kind.TLS, "the TLS connection to " + host + " failed: "
                        + t.getMessage() + " (is it really an https server with a certificate this Java trusts?)", t);
            }
            if (t instanceof ConnectException) {
                return new ApiException(ApiException.Kind.NETWORK, "cannot connect to " + host
                        + " (connection refused or unreachable)", t);
            }
        }
        String detail = cause instanceof IOException && cause.getMessage() != null ? cause.getMessage()
                : String.valueOf(cause);
        return new ApiException(ApiException.Kind.NETWORK, what + " to " + host + " failed: " + detail, cause);
    }

    private ApiException timeout(String what) {
        return new ApiException(ApiException.Kind.TIMEOUT, "no complete answer to " + what + " within "
                + seconds(settings.requestTimeout()) + " (setting api.requestTimeoutMs)");
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
