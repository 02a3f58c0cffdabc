package dev.domaindesk.verification.ui;

import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.verification.ScheduleRepository;
import dev.domaindesk.verification.RecheckScheduler;
import dev.domaindesk.verification.SchedulerListener;
import dev.domaindesk.verification.SchedulerProgress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The scheduler's {@link RecheckScheduler} as the status bar's {@link BackgroundChecks}. */
public final class SchedulerBackgroundChecks implements BackgroundChecks {
    private final RecheckScheduler scheduler;
    private final ScheduleRepository store;

    public SchedulerBackgroundChecks(RecheckScheduler scheduler, ScheduleRepository store) {
        this.scheduler = scheduler;
        this.store = store;
    }

    @Override
    public void addListener(Listener listener) {
        scheduler.addListener(new SchedulerListener() {
            @Override
            public void progress(SchedulerProgress p) {
                listener.progress(State.valueOf(p.state().name()), p.done(), p.total(), p.nextAttempt());
            }

            @Override
            public void checked(List<Domain> domains, List<DnsRecord> records) {
                listener.checked(domains, records);
            }
        });
    }

    @Override
    public Optional<Instant> nextCheckAt() {
        return store.earliestDue();
    }
}
