package dev.domaindesk.verification;

import dev.domaindesk.settings.Setting;
import dev.domaindesk.settings.SettingsRepository;
import java.time.Duration;
import java.util.List;
import java.net.InetSocketAddress;

/** Check options from the stored settings {@code dns.resolvers}, {@code dns.timeoutMs}, {@code check.concurrency}. */
public final class CheckSettings {
    public static final String RESOLVERS = "dns.resolvers";
    public static final String TIMEOUT_MS = "dns.timeoutMs";
    public static final String CONCURRENCY = "check.concurrency";

    private static final Setting<List<InetSocketAddress>> RESOLVER_LIST =
            Setting.of(RESOLVERS, List.of(), ResolverAddress::parseList);
    private static final Setting<Long> TIMEOUT =
            Setting.wholeNumber(TIMEOUT_MS, CheckOptions.DEFAULT_TIMEOUT.toMillis(), 1, Long.MAX_VALUE);
    private static final Setting<Long> WINDOW =
            Setting.wholeNumber(CONCURRENCY, CheckOptions.DEFAULT_MAX_IN_FLIGHT, 1, Integer.MAX_VALUE);

    private CheckSettings() {
    }

    /** The stored settings, each falling back to its default (with a warning) when unreadable. */
    public static CheckOptions read(SettingsRepository settings) {
        return CheckOptions.defaults().withResolvers(RESOLVER_LIST.orDefault(settings))
                .withTimeout(Duration.ofMillis(TIMEOUT.orDefault(settings)))
                .withMaxInFlight(WINDOW.orDefault(settings).intValue());
    }
}
