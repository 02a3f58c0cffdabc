package dev.domaindesk.verification;

import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainRepository;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The scheduler's {@link BulkChecker} on the engine's {@link CheckService}, with options from the settings. */
public final class EngineBulkChecker implements BulkChecker {
    private static final Logger LOG = LoggerFactory.getLogger(EngineBulkChecker.class);
    public static final String RESOLVERS_KEY = "dns.resolvers";
    public static final String TIMEOUT_KEY = "dns.timeoutMs";

    private final CheckService service;
    private final Supplier<CheckOptions> options;

    public EngineBulkChecker(CheckService service, Supplier<CheckOptions> options) {
        this.service = service;
        this.options = options;
    }

    /** Options read from the settings at each run: resolvers, timeout and the queries in flight. */
    public static Supplier<CheckOptions> fromSettings(DomainRepository repository) {
        return () -> {
            ScheduleSettings schedule = ScheduleSettings.load(repository);
            long timeout = ScheduleSettings.positive(repository, TIMEOUT_KEY, CheckOptions.DEFAULT_TIMEOUT.toMillis());
            return new CheckOptions(resolvers(repository.setting(RESOLVERS_KEY).orElse("")), false,
                    Duration.ofMillis(timeout), schedule.concurrency());
        };
    }

    @Override
    public Run start(Collection<String> domainIds, Sink sink) {
        CheckRun run = service.start(domainIds, options.get(), new CheckListener() {
            @Override
            public void stored(List<Domain> domains, List<DnsRecord> records) {
                sink.stored(domains, records);
            }
        });
        CompletableFuture<Outcome> done = run.done().thenApply(
                s -> new Outcome(s.domains(), s.records(), s.offline()));
        return new Run() {
            @Override
            public CompletableFuture<Outcome> done() {
                return done;
            }

            @Override
            public void cancel() {
                run.cancel();
            }
        };
    }

    /** {@code host[:port]} entries, comma-separated; a bad one is logged and left out. Empty: the system's. */
    static List<InetSocketAddress> resolvers(String setting) {
        List<InetSocketAddress> servers = new ArrayList<>();
        for (String entry : setting.split(",")) {
            String text = entry.strip();
            if (text.isEmpty()) {
                continue;
            }
            try {
                servers.add(parseServer(text));
            } catch (IllegalArgumentException e) {
                LOG.warn("Ignoring resolver '{}' in setting {}: {}", text, RESOLVERS_KEY, e.getMessage());
            }
        }
        return servers;
    }

    private static InetSocketAddress parseServer(String text) {
        String host = text;
        int port = 53;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("missing ']'");
            }
            host = text.substring(1, close);
            if (text.length() > close + 1) {
                port = Integer.parseInt(text.substring(close + 2));
            }
        } else if (text.indexOf(':') == text.lastIndexOf(':') && text.contains(":")) {
            host = text.substring(0, text.indexOf(':'));
            port = Integer.parseInt(text.substring(text.indexOf(':') + 1));
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is out of range");
        }
        return new InetSocketAddress(host, port);
    }
}
