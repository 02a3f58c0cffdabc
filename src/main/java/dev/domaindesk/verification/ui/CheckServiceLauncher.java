package dev.domaindesk.verification.ui;

import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.verification.CheckListener;
import dev.domaindesk.verification.CheckOptions;
import dev.domaindesk.verification.CheckRun;
import dev.domaindesk.verification.CheckService;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/** The engine's {@link CheckService} behind the window's {@link CheckLauncher}; starting it reads the store, so off the FX thread. */
public final class CheckServiceLauncher implements CheckLauncher {
    private final CheckService service;
    private final Supplier<CheckOptions> options;
    private final Executor background;

    public CheckServiceLauncher(CheckService service, Supplier<CheckOptions> options, Executor background) {
        this.service = service;
        this.options = options;
        this.background = background;
    }

    @Override
    public Handle start(Collection<String> domainIds, Events events) {
        AtomicReference<CheckRun> run = new AtomicReference<>();
        AtomicBoolean cancelled = new AtomicBoolean();
        List<String> ids = List.copyOf(domainIds);
        background.execute(() -> {
            try {
                CheckRun started = service.start(ids, options.get(), new CheckListener() {
                    @Override
                    public void progress(int done, int total) {
                        events.progress(done, total);
                    }

                    @Override
                    public void stored(List<Domain> domains, List<DnsRecord> records) {
                        events.stored(domains, records);
                    }
                });
                run.set(started);
                if (cancelled.get()) {
                    started.cancel();
                }
                started.done().whenComplete((summary, error) ->
                        events.finished(error, summary != null && summary.offline()));
            } catch (RuntimeException | Error e) {
                events.finished(e, false);
                if (e instanceof Error) {
                    throw e;
                }
            }
        });
        return () -> {
            cancelled.set(true);
            CheckRun r = run.get();
            if (r != null) {
                r.cancel();
            }
        };
    }
}
