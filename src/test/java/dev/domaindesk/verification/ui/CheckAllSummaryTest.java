package dev.domaindesk.verification.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainStatus;
import dev.domaindesk.domains.DomainWithRecords;
import dev.domaindesk.domains.ui.DomainListViewModel;
import dev.domaindesk.domains.ui.DomainRow;
import dev.domaindesk.domains.ui.StatusFilter;
import dev.domaindesk.ui.AppState;
import dev.domaindesk.ui.CheckFeed;
import dev.domaindesk.ui.RunOutcome;
import dev.domaindesk.ui.UiTasks;
import dev.domaindesk.ui.testing.FakeLauncher;
import dev.domaindesk.ui.testing.Fixtures;
import dev.domaindesk.ui.testing.RecordingNotifier;
import dev.domaindesk.ui.testing.ScriptedDialogs;
import dev.domaindesk.verification.BackgroundChecks;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 14 point 7: check all ends with what it did, in the list's unit, and each part of that filters the list. */
class CheckAllSummaryTest {
    private final Fixtures f = new Fixtures();
    private final FakeLauncher launcher = new FakeLauncher();
    private final CheckFeed feed = new CheckFeed();
    private final AppState state = new AppState();
    private final UiTasks tasks = UiTasks.synchronous();
    private final WindowChecks runner = new WindowChecks(launcher, BackgroundChecks.NONE, feed, Runnable::run, tasks);
    private DomainListViewModel list;
    private StatusBarViewModel bar;
    private DomainWithRecords fixed;
    private DomainWithRecords broke;
    private DomainWithRecords unreachable;
    private DomainWithRecords same;
    private DomainWithRecords later;

    @BeforeEach
    void setUp() {
        fixed = f.add("fixed.example");
        broke = f.add("broke.example");
        unreachable = f.add("unreachable.example");
        same = f.add("same.example");
        later = f.add("later.example");
        list = new DomainListViewModel(f.domains, tasks, state, feed, new ScriptedDialogs(), new RecordingNotifier(),
                f.clock);
        list.load();
        bar = new StatusBarViewModel(runner, f.domains, tasks, f.clock, feed, state.runOutcome());
        // broke.example and unreachable.example were verified before the run (a background check said so)
        feed.publish(List.of(verified(broke.domain()), verified(unreachable.domain())), List.of());
    }

    private static Domain verified(Domain d) {
        return Fixtures.withStatus(d, DomainStatus.VERIFIED, Fixtures.NOW);
    }

    private void result(DomainWithRecords d, DomainStatus status, CheckState each) {
        List<DnsRecord> records = d.records().stream()
                .map(r -> Fixtures.checked(r, each, List.of(), Fixtures.NOW)).toList();
        launcher.events.stored(List.of(Fixtures.withStatus(d.domain(), status, Fixtures.NOW)), records);
    }

    private List<String> listed() {
        return list.visible().stream().map(DomainRow::displayName).sorted().toList();
    }

    private String parts() {
        return bar.summary().stream().map(StatusBarViewModel.SummaryPart::text).collect(Collectors.joining(" · "));
    }

    @Test
    void aFinishedCheckAllSaysWhatItDidPerDomainAndEachPartFiltersTheList() {
        bar.checkAll();
        assertTrue(bar.summary().isEmpty(), "no summary while the run is under way");
        launcher.events.progress(10, 20);
        assertEquals("Checking: 10 of 20 records…", bar.activityProperty().get(), "progress in one unit");
        result(fixed, DomainStatus.VERIFIED, CheckState.VERIFIED);
        result(broke, DomainStatus.PENDING, CheckState.MISSING);
        // a DNS error proves nothing (RFC 7208 §2.6.6): the domain stays verified and counts as "couldn't check"
        result(unreachable, DomainStatus.VERIFIED, CheckState.DNS_ERROR);
        result(same, DomainStatus.PENDING, CheckState.MISSING);
        result(later, DomainStatus.PENDING, CheckState.MISMATCH);
        launcher.events.progress(20, 20);
        launcher.events.finished(null, false);

        int records = fixed.records().size() + broke.records().size() + unreachable.records().size()
                + same.records().size() + later.records().size();
        assertEquals("Check finished at 12:00: 5 domains, " + records + " records:", bar.activityProperty().get());
        assertEquals("1 newly verified · 1 newly broken · 1 couldn't check · 2 unchanged", parts());

        bar.showOnly(RunOutcome.Kind.NEWLY_BROKEN);
        assertEquals(List.of("broke.example"), listed());
        assertEquals("Last check: newly broken 1", list.outcomeFilterProperty().get());
        bar.showOnly(RunOutcome.Kind.UNCHANGED);
        assertEquals(List.of("later.example", "same.example"), listed());
        bar.showOnly(RunOutcome.Kind.ERRORS);
        assertEquals(List.of("unreachable.example"), listed());

        list.statusFilterProperty().set(StatusFilter.FAILED);
        assertEquals("", list.outcomeFilterProperty().get(), "a status filter replaces the last check's part");
        list.statusFilterProperty().set(StatusFilter.ALL);
        assertEquals(5, listed().size());
        bar.showOnly(RunOutcome.Kind.NEWLY_VERIFIED);
        assertEquals(List.of("fixed.example"), listed());
        list.clearOutcomeFilter();
        assertEquals(5, listed().size(), "Show all");
    }

    @Test
    void aCancelledCheckSaysWhatWasAndWasNotChecked() {
        bar.checkAll();
        result(fixed, DomainStatus.VERIFIED, CheckState.VERIFIED);
        result(same, DomainStatus.PENDING, CheckState.MISSING);
        bar.cancel();
        launcher.events.finished(null, false);

        int records = fixed.records().size() + same.records().size();
        assertEquals("Check cancelled at 12:00 after 2 of 5 domains (" + records + " records):",
                bar.activityProperty().get());
        assertEquals("1 newly verified · 0 newly broken · 0 couldn't check · 1 unchanged · 3 not checked", parts());
        bar.showOnly(RunOutcome.Kind.NOT_CHECKED);
        assertEquals(List.of("broke.example", "later.example", "unreachable.example"), listed());

        bar.checkAll();
        assertEquals(5, listed().size(), "a new run drops the last run's filter");
        assertTrue(bar.summary().isEmpty());
    }
}
