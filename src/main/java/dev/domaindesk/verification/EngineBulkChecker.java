package dev.domaindesk.verification;

import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** The scheduler's {@link BulkChecker} on the engine's {@link CheckService}, with options from the settings. */
public final class EngineBulkChecker implements BulkChecker {

    private final CheckService service;
    private final Supplier<CheckOptions> options;

    public EngineBulkChecker(CheckService service, Supplier<CheckOptions> options) {
        this.service = service;
        this.options = options;
    }

    @Override
    public Run start(Collection<String> domainIds, Sink sink) {
        CheckRun run = service.start(domainIds, options.get(), sink.policy(), new CheckListener() {
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
}
