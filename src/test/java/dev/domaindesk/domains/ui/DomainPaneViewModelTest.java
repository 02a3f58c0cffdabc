package dev.domaindesk.domains.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.DomainName;
import dev.domaindesk.domains.DomainStatus;
import dev.domaindesk.domains.DomainWithRecords;
import dev.domaindesk.providers.DnsProvider;
import dev.domaindesk.providers.ProviderDetector.Detection;
import dev.domaindesk.ui.AppState;
import dev.domaindesk.ui.CheckFeed;
import dev.domaindesk.ui.UiTasks;
import dev.domaindesk.ui.testing.FakeLauncher;
import dev.domaindesk.ui.testing.Fixtures;
import dev.domaindesk.verification.ui.ManualCheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DomainPaneViewModelTest {
    private final Fixtures f = new Fixtures();
    private final AppState state = new AppState();
    private final CheckFeed feed = new CheckFeed();
    private final FakeLauncher launcher = new FakeLauncher();
    private final List<DomainName> lookedUp = new ArrayList<>();
    private DomainWithRecords example;
    private DomainPaneViewModel vm;
    private ManualCheck runner;

    @BeforeEach
    void setUp() {
        example = f.add("example.com");
        UiTasks tasks = UiTasks.synchronous();
        SelectedDomain selected = new SelectedDomain(f.domains, tasks, state, feed);
        runner = new ManualCheck(launcher, feed, Runnable::run, tasks);
        vm = new DomainPaneViewModel(selected, runner, tasks, f.clock, name -> {
            lookedUp.add(name);
            return new Detection(Optional.of(new DnsProvider("Cloudflare", "Set CNAMEs to DNS only.")),
                    List.of("amy.ns.cloudflare.com"), null);
        });
        state.selectedDomainIdProperty().set(example.domain().id());
    }

    @Test
    void headerShowsNameStatusCountsProviderAndLastCheck() {
        assertEquals("example.com", vm.titleProperty().get());
        assertEquals(DomainStatus.PENDING, vm.statusProperty().get());
        assertEquals("0 of 9 required records verified", vm.summaryProperty().get());
        assertEquals("DNS provider: Cloudflare", vm.providerProperty().get());
        assertEquals("Set CNAMEs to DNS only.", vm.providerHintProperty().get());
        assertEquals("Last checked never", vm.lastCheckedProperty().get());
        assertEquals(List.of(DomainName.parse("example.com")), lookedUp);
    }

    @Test
    void checkNowCannotBeDoubleFiredAndResultsStreamIn() {
        assertTrue(vm.canCheckProperty().get());
        vm.checkNow();
        vm.checkNow();
        assertEquals(List.of(List.of(example.domain().id())), launcher.started);
        assertFalse(vm.canCheckProperty().get());
        assertTrue(feed.checking().contains(example.domain().id()));

        launcher.events.progress(3, 9);
        assertEquals(3, runner.doneProperty().get());
        List<DnsRecord> checked = example.records().stream().limit(3)
                .map(r -> Fixtures.checked(r, CheckState.VERIFIED, List.of(r.value()), Fixtures.NOW.minus(Duration.ofMinutes(3))))
                .toList();
        launcher.events.stored(List.of(example.domain().withLastDnsCheck(Fixtures.NOW.minus(Duration.ofMinutes(3)))), checked);
        assertEquals("3 of 9 required records verified", vm.summaryProperty().get());
        assertEquals("Last checked 3 min ago", vm.lastCheckedProperty().get());
        assertEquals("2026-03-01 11:57:00 Z", vm.lastCheckedExactProperty().get());

        launcher.events.finished(null, false);
        assertTrue(vm.canCheckProperty().get());
        assertTrue(feed.checking().isEmpty());
    }

    @Test
    void resultsOfASupersededRunAreDropped() {
        vm.checkNow();
        CheckLauncherEvents first = new CheckLauncherEvents(launcher.events);
        first.events().finished(null, false);
        vm.checkNow();
        DnsRecord late = Fixtures.checked(example.records().get(0), CheckState.VERIFIED, List.of("x"), Fixtures.NOW);
        first.events().stored(List.of(), List.of(late));
        assertEquals("0 of 9 required records verified", vm.summaryProperty().get());
    }

    private record CheckLauncherEvents(dev.domaindesk.verification.ui.CheckLauncher.Events events) {
    }

    @Test
    void anOfflineRunSaysSoInsteadOfReportingRecordsMissing() {
        vm.checkNow();
        launcher.events.finished(null, true);
        assertTrue(runner.offlineProperty().get());
        assertTrue(runner.problemProperty().get().contains("nothing was marked missing"));
    }
}
