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

    private final Hold hold;

    /** What a check started by hand holds while it runs: the background re-checker, which would check the same domains. */
    public interface Hold {
        Hold NONE = new Hold() {
            @Override
            public void hold() {
            }

            @Override
            public void release() {
            }
        };

        void hold();

        void release();
    }

    public CheckServiceLauncher(CheckService service, Supplier<CheckOptions> options, Executor background) {
        this(service, options, background, Hold.NONE);
    }

    public CheckServiceLauncher(CheckService service, Supplier<CheckOptions> options, Executor background, Hold hold) {
        this.service = service;
        this.options = options;
        this.background = background;
        this.hold = hold;
    }

    @Override
    public Handle start(Collection<String> domainIds, Events events) {
        AtomicReference<CheckRun> run = new AtomicReference<>();
        AtomicBoolean cancelled = new AtomicBoolean();
        List<String> ids = List.copyOf(domainIds);
        background.execute(() -> {
            hold.hold();
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
                started.done().whenComplete((summary, error) -> {
                    hold.release();
                    events.finished(error, summary != null && summary.offline());
                });
            } catch (RuntimeException | Error e) {
                hold.release();
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
