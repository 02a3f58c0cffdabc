package dev.domaindesk.verification.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainStatus;
import dev.domaindesk.ui.CheckFeed;
import dev.domaindesk.ui.UiTasks;
import dev.domaindesk.ui.testing.FakeLauncher;
import dev.domaindesk.ui.testing.Fixtures;
import dev.domaindesk.verification.BackgroundChecks;
import dev.domaindesk.verification.CheckEvent;
import dev.domaindesk.verification.CheckListener;
import dev.domaindesk.verification.RunState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusBarViewModelTest {
    private final Fixtures f = new Fixtures();
    private final FakeLauncher launcher = new FakeLauncher();
    private final CheckFeed feed = new CheckFeed();
    private final UiTasks tasks = UiTasks.synchronous();
    private final List<CheckListener> listeners = new ArrayList<>();
    private final BackgroundChecks background = new BackgroundChecks() {
        @Override
        public void addListener(CheckListener listener) {
            listeners.add(listener);
        }

        @Override
        public Optional<Instant> nextCheckAt() {
            return Optional.of(Fixtures.NOW.plus(Duration.ofMinutes(12)));
        }
    };
    private final WindowChecks runner = new WindowChecks(launcher, background, feed, Runnable::run, tasks);
    private final StatusBarViewModel vm = new StatusBarViewModel(runner, f.domains, tasks, f.clock, feed);

    @Test
    void checkAllStartsOneRunOverEveryDomainAndShowsItsProgress() {
        f.add("a.example");
        f.add("b.example");
        vm.checkAll();
        vm.checkAll();
        assertEquals(1, launcher.started.size());
        assertEquals(2, launcher.started.get(0).size());
        assertEquals("Checking 2 domains…", vm.activityProperty().get(), "no count of domains posing as records");
        launcher.events.progress(4, 18);
        assertEquals("Checking: 4 of 18 records…", vm.activityProperty().get());
        assertEquals(4 / 18.0, vm.progressProperty().get(), 1e-9);
        launcher.events.finished(null, false);
        assertEquals("Check finished at 12:00: 0 domains, 0 records:",
                vm.activityProperty().get(), "the end says what it found, not just 'Ready' (CheckAllSummaryTest)");
        assertFalse(vm.busyProperty().get());
    }

    @Test
    void aCancelledRunLeavesANote() {
        f.add("a.example");
        vm.checkAll();
        vm.cancel();
        launcher.events.finished(null, false);
        assertTrue(vm.activityProperty().get().startsWith("Check cancelled at 12:00 after 0 of 0 domains"), vm.activityProperty().get());
    }

    @Test
    void backgroundStateOfflineAndNextCheckAreShownAndBackgroundResultsReachTheFeed() {
        Domain d = f.add("a.example").domain();
        List<String> seen = new ArrayList<>();
        feed.addListener((domains, records) -> domains.forEach(x -> seen.add(x.status().wire())));
        listeners.get(0).on(new CheckEvent.Progress(RunState.RUNNING, 5, 10, null));
        assertEquals("Background check: 5 of 10 domains", vm.activityProperty().get());
        listeners.get(0).on(new CheckEvent.Stored(List.of(d.withStatus(DomainStatus.VERIFIED, Fixtures.NOW)), List.<DnsRecord>of()));
        assertEquals(List.of("verified"), seen);
        listeners.get(0).on(new CheckEvent.Progress(RunState.OFFLINE, 5, 10, Fixtures.NOW.plus(Duration.ofMinutes(2))));
        assertTrue(vm.offlineProperty().get());
        assertEquals("Offline: no DNS server answers; retrying at 12:02", vm.activityProperty().get());
        vm.refreshNextCheck();
        assertEquals("Next check in 12 min", vm.nextCheckProperty().get());
    }
}
