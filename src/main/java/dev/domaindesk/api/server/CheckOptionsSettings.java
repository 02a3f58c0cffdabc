package dev.domaindesk.api.server;

import dev.domaindesk.domains.DomainRepository;
import dev.domaindesk.verification.CheckOptions;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The engine's options from the settings {@code dns.resolvers}, {@code dns.timeoutMs} and {@code check.concurrency}. */
public final class CheckOptionsSettings {
    private CheckOptionsSettings() {
    }

    public static CheckOptions load(DomainRepository settings) {
        CheckOptions options = CheckOptions.defaults();
        String resolvers = settings.setting("dns.resolvers").orElse("").strip();
        if (!resolvers.isEmpty()) {
            List<InetSocketAddress> servers = new ArrayList<>();
            for (String item : resolvers.split(",")) {
                servers.add(address(item.strip()));
            }
            options = options.withResolvers(servers);
        }
        options = options.withTimeout(Duration.ofMillis(number(settings, "dns.timeoutMs", 3000)));
        return options.withMaxInFlight((int) number(settings, "check.concurrency", 200));
    }

    static InetSocketAddress address(String text) {
        String host = text;
        int port = 53;
        if (text.startsWith("[") && text.contains("]")) {
            host = text.substring(1, text.indexOf(']'));
            String rest = text.substring(text.indexOf(']') + 1);
            port = rest.startsWith(":") ? Integer.parseInt(rest.substring(1)) : 53;
        } else if (text.chars().filter(c -> c == ':').count() == 1) {
            host = text.substring(0, text.indexOf(':'));
            port = Integer.parseInt(text.substring(text.indexOf(':') + 1));
        }
        return new InetSocketAddress(host, port);
    }

    private static long number(DomainRepository settings, String key, long fallback) {
        String text = settings.setting(key).orElse("").strip();
        try {
            return text.isEmpty() ? fallback : Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the setting " + key + " is '" + text + "'; it must be a whole number", e);
        }
    }
}
