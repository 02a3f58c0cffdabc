package dev.domaindesk.verification;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * How a check run asks DNS.
 *
 * @param resolvers     the resolvers to ask; empty means the system's (dnsjava's {@code ResolverConfig})
 * @param authoritative also ask the zone's authoritative servers directly (reports NOT_PROPAGATED on disagreement)
 * @param timeout       per query; a query that times out is retried once
 * @param maxInFlight   the most queries outstanding at once (the window)
 */
public record CheckOptions(List<InetSocketAddress> resolvers, boolean authoritative, Duration timeout, int maxInFlight) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(3000);
    public static final int DEFAULT_MAX_IN_FLIGHT = 200;

    public CheckOptions {
        resolvers = resolvers == null ? List.of() : List.copyOf(resolvers);
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the DNS timeout must be positive, not " + timeout.toMillis() + " ms");
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("at least one query must be allowed in flight, not " + maxInFlight);
        }
    }

    /** The system's resolvers, 3 s timeout, 200 in flight. */
    public static CheckOptions defaults() {
        return new CheckOptions(List.of(), false, DEFAULT_TIMEOUT, DEFAULT_MAX_IN_FLIGHT);
    }

    public CheckOptions withResolvers(List<InetSocketAddress> servers) {
        return new CheckOptions(servers, authoritative, timeout, maxInFlight);
    }

    public CheckOptions withAuthoritative(boolean ask) {
        return new CheckOptions(resolvers, ask, timeout, maxInFlight);
    }

    public CheckOptions withTimeout(Duration perQuery) {
        return new CheckOptions(resolvers, authoritative, perQuery, maxInFlight);
    }

    public CheckOptions withMaxInFlight(int window) {
        return new CheckOptions(resolvers, authoritative, timeout, window);
    }
}
