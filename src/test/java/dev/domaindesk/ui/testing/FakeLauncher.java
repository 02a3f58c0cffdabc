package dev.domaindesk.ui.testing;

import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.verification.CheckEvent;
import dev.domaindesk.verification.CheckListener;
import dev.domaindesk.verification.CheckRun;
import dev.domaindesk.verification.CheckStarter;
import dev.domaindesk.verification.CheckSummary;
import dev.domaindesk.verification.RunState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Check runs the test drives by hand: it records starts and sends the last run's events. */
public final class FakeLauncher implements CheckStarter {
    public final List<List<String>> started = new ArrayList<>();
    public Events events;
    public boolean cancelled;

    @Override
    public CheckRun start(Collection<String> domainIds, CheckListener listener) {
        started.add(List.copyOf(domainIds));
        events = new Events(listener);
        return new CheckRun() {
            @Override
            public RunState state() {
                return RunState.RUNNING;
            }

            @Override
            public CompletableFuture<CheckSummary> done() {
                return new CompletableFuture<>();
            }

            @Override
            public void cancel() {
                cancelled = true;
            }
        };
    }

    /** One run's events, as the engine would send them. */
    public record Events(CheckListener listener) {
        public void progress(int done, int total) {
            listener.on(CheckEvent.Progress.running(done, total));
        }

        public void stored(List<Domain> domains, List<DnsRecord> records) {
            listener.on(new CheckEvent.Stored(domains, records));
        }

        public void finished(Throwable failure, boolean offline) {
            CheckSummary summary = failure != null ? null
                    : new CheckSummary(Fixtures.NOW, 0, 0, 0, 0, offline, false);
            listener.on(new CheckEvent.Finished(RunState.ended(summary, failure), summary, failure));
        }
    }
}
