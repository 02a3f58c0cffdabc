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
import dev.domaindesk.verification.BackgroundChecks;
import dev.domaindesk.verification.ui.WindowChecks;
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
    /** What the next NS lookup answers (a test may make it fail). */
    private Detection answer = new Detection(Optional.of(new DnsProvider("Cloudflare", "Set CNAMEs to DNS only.")),
            List.of("amy.ns.cloudflare.com"), null);
    private SelectedDomain selected;
    private DomainWithRecords example;
    private DomainPaneViewModel vm;
    private WindowChecks runner;

    @BeforeEach
    void setUp() {
        example = f.add("example.com");
        UiTasks tasks = UiTasks.synchronous();
        selected = new SelectedDomain(f.domains, tasks, state, feed);
        runner = new WindowChecks(launcher, BackgroundChecks.NONE, feed, Runnable::run, tasks);
        vm = new DomainPaneViewModel(selected, runner, tasks, f.clock, name -> {
            lookedUp.add(name);
            return answer;
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

    /**
     * The provider line is looked up again with every check of the domain and after a resolver change, never kept from
     * an earlier lookup; a failed lookup says "couldn't check", never "none".
     */
    @Test
    void theProviderIsLookedUpAgainWithEachCheckAndAfterAResolverChange() {
        assertEquals(1, lookedUp.size());
        assertEquals("Cloudflare", selected.providerProperty().get().provider().orElseThrow().name(), "shared with the records");
        answer = new Detection(Optional.empty(), List.of(), "no answer from 192.0.2.53 (timeout)");
        feed.publish(List.of(example.domain().withLastDnsCheck(Fixtures.NOW)), List.of());
        assertEquals(2, lookedUp.size(), "a check of the domain looks it up again");
        assertEquals("DNS provider: couldn't check (no answer from 192.0.2.53 (timeout))", vm.providerProperty().get());
        assertEquals("", vm.providerHintProperty().get());

        answer = new Detection(Optional.of(new DnsProvider("Route 53", "Quote TXT values.")), List.of("ns-1.awsdns-01.org"), null);
        vm.resolversChanged();
        assertEquals(3, lookedUp.size());
        assertEquals("DNS provider: Route 53", vm.providerProperty().get());

        feed.publish(List.of(example.domain().withLastDnsCheck(Fixtures.NOW)), List.of());
        assertEquals(3, lookedUp.size(), "the same check again (a batch repeating it) does not look up again");
    }

    @Test
    void aLookupThatThrowsSaysCouldntCheck() {
        DomainPaneViewModel failing = new DomainPaneViewModel(selected, runner, UiTasks.synchronous(), f.clock, name -> {
            throw new IllegalStateException("resolver refused");
        });
        failing.resolversChanged();
        assertTrue(failing.providerProperty().get().startsWith("DNS provider: couldn't check"), failing.providerProperty().get());
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
        FakeLauncher.Events first = launcher.events;
        first.finished(null, false);
        vm.checkNow();
        DnsRecord late = Fixtures.checked(example.records().get(0), CheckState.VERIFIED, List.of("x"), Fixtures.NOW);
        first.stored(List.of(), List.of(late));
        assertEquals("0 of 9 required records verified", vm.summaryProperty().get());
    }

    @Test
    void anOfflineRunSaysSoInsteadOfReportingRecordsMissing() {
        vm.checkNow();
        launcher.events.finished(null, true);
        assertTrue(runner.offlineProperty().get());
        assertTrue(runner.problemProperty().get().contains("nothing was marked missing"));
    }

    /** Issue 14 point 8: the header words the newest record check against the table's own "now". */
    @Test
    void theHeaderAndTheTableWordTheSameCheckAgainstTheSameNow() {
        vm.checkNow();
        List<DnsRecord> checked = example.records().stream()
                .map(r -> Fixtures.checked(r, CheckState.MISSING, List.of(), Fixtures.NOW.minus(Duration.ofSeconds(10))))
                .toList();
        // the domain's own check time is older (stored with another batch): the table shows the records' times
        launcher.events.stored(List.of(example.domain().withLastDnsCheck(Fixtures.NOW.minus(Duration.ofMinutes(2)))),
                checked);
        assertEquals("Last checked just now", vm.lastCheckedProperty().get(), "as the table's Checked says");
        RecordsViewModel records = new RecordsViewModel(selected, feed, text -> { });
        long beat = records.timesBeatProperty().get();
        vm.tick();
        assertEquals(Fixtures.NOW, records.timesShownAt(), "the table's Checked is worded against the header's now");
        assertEquals(beat + 1, records.timesBeatProperty().get(), "and re-read on the header's beat");
    }

    /** Issue 14 point 8: a verified domain whose records met a DNS error is not shown as verified. */
    @Test
    void aVerifiedDomainWithADnsErrorHasTheDnsErrorBadge() {
        vm.checkNow();
        List<DnsRecord> checked = example.records().stream()
                .map(r -> Fixtures.checked(r, CheckState.DNS_ERROR, List.of(), Fixtures.NOW)).toList();
        launcher.events.stored(List.of(Fixtures.withStatus(example.domain(), DomainStatus.VERIFIED, Fixtures.NOW)), checked);
        assertEquals(DomainStatus.VERIFIED, vm.statusProperty().get());
        assertEquals(dev.domaindesk.ui.Badge.UNCONFIRMED, vm.badgeProperty().get());
    }
}
