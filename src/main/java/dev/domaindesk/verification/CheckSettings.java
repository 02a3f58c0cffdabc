package dev.domaindesk.verification;

import dev.domaindesk.domains.DomainRepository;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Check options from the stored settings {@code dns.resolvers}, {@code dns.timeoutMs}, {@code check.concurrency}. */
public final class CheckSettings {
    private static final Logger LOG = LoggerFactory.getLogger(CheckSettings.class);
    public static final String RESOLVERS = "dns.resolvers";
    public static final String TIMEOUT_MS = "dns.timeoutMs";
    public static final String CONCURRENCY = "check.concurrency";

    private CheckSettings() {
    }

    /** The stored settings, each falling back to its default (with a warning) when unreadable. */
    public static CheckOptions read(DomainRepository repository) {
        CheckOptions options = CheckOptions.defaults();
        Optional<String> resolvers = repository.setting(RESOLVERS);
        try {
            options = options.withResolvers(ResolverAddress.parseList(resolvers.orElse("")));
        } catch (IllegalArgumentException e) {
            LOG.warn("Ignoring setting {}: {}", RESOLVERS, e.getMessage());
        }
        long timeout = number(repository, TIMEOUT_MS, CheckOptions.DEFAULT_TIMEOUT.toMillis());
        int window = (int) number(repository, CONCURRENCY, CheckOptions.DEFAULT_MAX_IN_FLIGHT);
        return options.withTimeout(Duration.ofMillis(timeout)).withMaxInFlight(window);
    }

    private static long number(DomainRepository repository, String key, long fallback) {
        Optional<String> text = repository.setting(key);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text.get().strip());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        LOG.warn("Setting {}='{}' is not a positive number; using {}", key, text.get(), fallback);
        return fallback;
    }
}
