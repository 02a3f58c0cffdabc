package dev.domaindesk.domains.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainStatus;
import dev.domaindesk.ui.AppState;
import dev.domaindesk.ui.CheckFeed;
import dev.domaindesk.ui.UiTasks;
import dev.domaindesk.ui.testing.Fixtures;
import dev.domaindesk.ui.testing.RecordingNotifier;
import dev.domaindesk.ui.testing.ScriptedDialogs;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DomainListViewModelTest {
    private final Fixtures f = new Fixtures();
    private final AppState state = new AppState();
    private final CheckFeed feed = new CheckFeed();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final RecordingNotifier notifier = new RecordingNotifier();
    private DomainListViewModel vm;

    @BeforeEach
    void setUp() {
        f.add("example.com");
        f.add("shop.example.org");
        f.add("bücher.example");
        vm = new DomainListViewModel(f.domains, UiTasks.synchronous(), state, feed, dialogs, notifier, f.clock);
        vm.load();
    }

    private List<String> visibleNames() {
        return vm.visible().stream().map(DomainRow::displayName).toList();
    }

    @Test
    void searchFiltersAsYouTypeCaseInsensitiveAndByEitherIdnSpelling() {
        assertEquals(3, vm.visible().size());
        vm.searchProperty().set("EXAMPLE.O");
        assertEquals(List.of("shop.example.org"), visibleNames());
        vm.searchProperty().set("bücher");
        assertEquals(List.of("bücher.example"), visibleNames());
        vm.searchProperty().set("xn--bcher");
        assertEquals(List.of("bücher.example"), visibleNames());
        vm.searchProperty().set("nothing-like-this");
        assertTrue(vm.visible().isEmpty());
        vm.searchProperty().set("");
        assertEquals(3, vm.visible().size());
    }

    @Test
    void countsFollowStoredResultsAndAVerifiedDomainIsAnnounced() {
        assertEquals("0 verified · 3 pending · 0 failed", vm.countsProperty().get());
        Domain shop = f.domains.require("shop.example.org");
        feed.publish(List.of(Fixtures.withStatus(shop, DomainStatus.VERIFIED, Fixtures.NOW)), List.of());
        assertEquals("1 verified · 2 pending · 0 failed", vm.countsProperty().get());
        assertEquals(DomainStatus.VERIFIED, vm.row(shop.id()).orElseThrow().status());
        assertEquals(List.of("shop.example.org is verified"), notifier.good);

        Domain verified = Fixtures.withStatus(shop, DomainStatus.VERIFIED, Fixtures.NOW);
        feed.publish(List.of(verified.withStatus(DomainStatus.PENDING, Fixtures.NOW)), List.of());
        assertEquals(List.of(), notifier.bad, "held back: a notification was shown a moment ago");
        vm.flushNotifications();
        assertEquals(List.of("shop.example.org is no longer verified"), notifier.bad);
    }

    /**
     * A reload (another process changed the store) reads its snapshot, then a batch of results is published before
     * the reload is shown: the list shows the batch, not the snapshot from before it.
     */
    @Test
    void aBatchPublishedWhileTheListReloadsIsNotUndoneByTheReload() {
        java.util.ArrayDeque<Runnable> background = new java.util.ArrayDeque<>();
        java.util.ArrayDeque<Runnable> fx = new java.util.ArrayDeque<>();
        DomainListViewModel list = new DomainListViewModel(f.domains, new UiTasks(background::add, fx::add), state,
                feed, dialogs, notifier, f.clock);
        list.load();
        runAll(background, fx);
        assertEquals("0 verified · 3 pending · 0 failed", list.countsProperty().get());

        list.load();
        background.poll().run(); // the reload reads the store: shop pending
        Domain shop = Fixtures.withStatus(f.domains.require("shop.example.org"), DomainStatus.VERIFIED, Fixtures.NOW);
        f.repository.saveChecks(List.of(shop), List.of());
        feed.publish(List.of(shop), List.of()); // the check's batch, committed after that read
        assertEquals(DomainStatus.VERIFIED, list.row(shop.id()).orElseThrow().status());
        runAll(background, fx); // the reload is shown

        assertEquals(DomainStatus.VERIFIED, list.row(shop.id()).orElseThrow().status());
        assertEquals("1 verified · 2 pending · 0 failed", list.countsProperty().get());
    }

    private static void runAll(java.util.Queue<Runnable> background, java.util.Queue<Runnable> fx) {
        while (!background.isEmpty() || !fx.isEmpty()) {
            Runnable next = background.isEmpty() ? fx.poll() : background.poll();
            next.run();
        }
    }

    /** "7/9" per domain from the store, and again after a batch of results for that domain. */
    @Test
    void eachRowShowsHowManyRequiredRecordsAreVerified() {
        DomainRow shop = vm.row(f.domains.require("shop.example.org").id()).orElseThrow();
        assertEquals("0/9", shop.progress().toString());
        List<dev.domaindesk.domains.DnsRecord> records = f.domains.records(shop.id());
        List<dev.domaindesk.domains.DnsRecord> checked = records.subList(0, 7).stream().map(r -> Fixtures.checked(r,
                dev.domaindesk.domains.CheckState.VERIFIED, List.of(r.value()), Fixtures.NOW)).toList();
        Domain domain = Fixtures.withStatus(shop.domain(), DomainStatus.PENDING, Fixtures.NOW);
        f.repository.saveChecks(List.of(domain), checked);
        feed.publish(List.of(domain), checked);
        assertEquals("7/9", shop.progress().toString());
    }

    /** Clicking a count filters by it; "needs attention" is everything not verified; a result moves a row out. */
    @Test
    void theCountsFilterTheListAndFollowResults() {
        List<Domain> all = f.domains.list();
        feed.publish(List.of(Fixtures.withStatus(all.get(0), DomainStatus.VERIFIED, Fixtures.NOW),
                Fixtures.withStatus(all.get(1), DomainStatus.FAILED, Fixtures.NOW)), List.of());
        assertEquals(1, vm.countOf(StatusFilter.FAILED).get());
        assertEquals(2, vm.countOf(StatusFilter.ATTENTION).get());
        assertEquals(3, vm.countOf(StatusFilter.ALL).get());
        vm.statusFilterProperty().set(StatusFilter.FAILED);
        assertEquals(List.of(all.get(1).name().unicode()), visibleNames());
        vm.statusFilterProperty().set(StatusFilter.ATTENTION);
        assertEquals(2, visibleNames().size());
        assertTrue(!visibleNames().contains(all.get(0).name().unicode()));
        feed.publish(List.of(Fixtures.withStatus(all.get(1), DomainStatus.VERIFIED, Fixtures.NOW)), List.of());
        assertEquals(1, visibleNames().size(), "a domain just verified leaves 'needs attention'");
        vm.statusFilterProperty().set(StatusFilter.ALL);
        assertEquals(3, visibleNames().size());
    }

    @Test
    void searchFindsAStatusWordAndTheListSortsByStatus() {
        Domain shop = f.domains.require("shop.example.org");
        Domain buecher = f.domains.require("bücher.example");
        Domain example = f.domains.require("example.com");
        feed.publish(List.of(Fixtures.withStatus(shop, DomainStatus.FAILED, Fixtures.NOW),
                Fixtures.withStatus(buecher, DomainStatus.VERIFIED, Fixtures.NOW)), List.of());
        vm.searchProperty().set("failed");
        assertEquals(List.of("shop.example.org"), visibleNames());
        vm.searchProperty().set("Verified");
        assertEquals(List.of("bücher.example"), visibleNames());
        vm.searchProperty().set("");
        vm.sortByStatusProperty().set(true);
        assertEquals(List.of("shop.example.org", "example.com", "bücher.example"), visibleNames(), "failed, pending, verified");
        feed.publish(List.of(Fixtures.withStatus(example, DomainStatus.FAILED, Fixtures.NOW)), List.of());
        assertEquals(List.of("example.com", "shop.example.org", "bücher.example"), visibleNames(), "sorted again after results");
        vm.sortByStatusProperty().set(false);
        assertEquals(List.of("bücher.example", "example.com", "shop.example.org"), visibleNames());
    }

    @Test
    void countsFollowEveryStatusChangeInABatchAndIgnoreUnknownDomainsAndRepeats() {
        List<Domain> all = f.domains.list();
        Domain unknown = Fixtures.withStatus(f.add("not-listed.example").domain(), DomainStatus.VERIFIED, Fixtures.NOW);
        feed.publish(List.of(Fixtures.withStatus(all.get(0), DomainStatus.VERIFIED, Fixtures.NOW),
                Fixtures.withStatus(all.get(1), DomainStatus.FAILED, Fixtures.NOW), unknown), List.of());
        assertEquals("1 verified · 1 pending · 1 failed", vm.countsProperty().get());
        feed.publish(List.of(Fixtures.withStatus(all.get(0), DomainStatus.VERIFIED, Fixtures.NOW)), List.of());
        assertEquals("1 verified · 1 pending · 1 failed", vm.countsProperty().get(), "the same status again");
        feed.publish(List.of(Fixtures.withStatus(all.get(1), DomainStatus.VERIFIED, Fixtures.NOW),
                Fixtures.withStatus(all.get(2), DomainStatus.VERIFIED, Fixtures.NOW)), List.of());
        assertEquals("3 verified · 0 pending · 0 failed", vm.countsProperty().get());
        state.storeChanged();
        assertEquals("0 verified · 4 pending · 0 failed", vm.countsProperty().get(), "a reload counts what the store holds");
    }

    @Test
    void noNotificationWhileACheckRunsThenOneMergedWhenItEnds() {
        List<Domain> all = f.domains.list();
        feed.startChecking(all.stream().map(Domain::id).toList());
        feed.publish(List.of(Fixtures.withStatus(all.get(0), DomainStatus.VERIFIED, Fixtures.NOW)), List.of());
        vm.flushNotifications();
        assertEquals(List.of(), notifier.good, "held while the check runs");
        feed.publish(all.subList(1, 3).stream().map(d -> Fixtures.withStatus(d, DomainStatus.VERIFIED, Fixtures.NOW)).toList(),
                List.of());
        assertEquals(List.of("3 domains are verified"), notifier.good, "the last results end the check: one notification");

        Domain first = Fixtures.withStatus(all.get(0), DomainStatus.VERIFIED, Fixtures.NOW);
        feed.startChecking(List.of(first.id()));
        feed.publish(List.of(), List.of());
        feed.publish(List.of(first.withStatus(DomainStatus.PENDING, Fixtures.NOW)), List.of());
        assertEquals(1, notifier.bad.size(), "a run ended by its results flushes even right after another notification");
        feed.startChecking(List.of(first.id()));
        feed.publish(List.of(Fixtures.withStatus(first, DomainStatus.VERIFIED, Fixtures.NOW)), List.of());
        assertEquals(2, notifier.good.size());
    }

    @Test
    void aCancelledCheckFlushesWhatItFound() {
        List<Domain> all = f.domains.list();
        feed.startChecking(all.stream().map(Domain::id).toList());
        feed.publish(List.of(Fixtures.withStatus(all.get(0), DomainStatus.VERIFIED, Fixtures.NOW)), List.of());
        assertEquals(List.of(), notifier.good);
        feed.stopChecking();
        assertEquals(List.of(all.get(0).name().unicode() + " is verified"), notifier.good);
    }

    @Test
    void manyDomainsVerifiedAtOnceGiveOneMergedNotification() {
        List<Domain> all = f.domains.list().stream()
                .map(d -> Fixtures.withStatus(d, DomainStatus.VERIFIED, Fixtures.NOW)).toList();
        feed.publish(all, List.of());
        assertEquals(List.of("3 domains are verified"), notifier.good);
        vm.flushNotifications();
        assertEquals(1, notifier.good.size());
    }

    @Test
    void removeAsksFirstNamingTheDomainAndItsRecordCountAndKeepsItWhenDeclined() {
        String id = f.domains.require("example.com").id();
        state.selectedDomainIdProperty().set(id);
        dialogs.confirmAnswer = false;
        vm.removeSelected();
        assertEquals(1, dialogs.asked.size());
        assertTrue(dialogs.asked.get(0).contains("example.com and its 9 DNS records"), dialogs.asked.get(0));
        assertTrue(f.repository.findById(id).isPresent());
        assertEquals(3, vm.size());

        dialogs.confirmAnswer = true;
        vm.removeSelected();
        assertTrue(f.repository.findById(id).isEmpty());
        assertEquals(2, vm.size());
        assertEquals(f.domains.require("shop.example.org").id(), state.selectedDomainId());
    }

    @Test
    void anAddedDomainIsInsertedInNameOrderAndSelected() {
        Domain added = f.add("middle.example.net").domain();
        vm.added(added);
        assertEquals(List.of("bücher.example", "example.com", "middle.example.net", "shop.example.org"), visibleNames());
        assertEquals(added.id(), state.selectedDomainId());
    }

    @Test
    void aStoreRevisionReloadsTheList() {
        f.add("late.example");
        assertEquals(3, vm.size());
        state.storeChanged();
        assertEquals(4, vm.size());
        assertNull(vm.row("dom_unknown").orElse(null));
    }

    /** Issue 14 point 8: verified by status, but its last check met a DNS error: "DNS error", needs attention. */
    @Test
    void aVerifiedDomainWhoseLastCheckMetADnsErrorNeedsAttention() {
        dev.domaindesk.domains.DomainWithRecords shop = f.domains.find(f.domains.require("shop.example.org").id())
                .map(d -> new dev.domaindesk.domains.DomainWithRecords(d, f.domains.records(d.id()))).orElseThrow();
        List<dev.domaindesk.domains.DnsRecord> errors = shop.records().stream()
                .map(r -> Fixtures.checked(r, dev.domaindesk.domains.CheckState.DNS_ERROR, List.of(), Fixtures.NOW))
                .map(r -> r.withCheck(true, r.checkState(), r.found(), r.diagnoses(), false, Fixtures.NOW)).toList();
        f.repository.saveChecks(List.of(Fixtures.withStatus(shop.domain(), DomainStatus.VERIFIED, Fixtures.NOW)), errors);
        feed.publish(List.of(Fixtures.withStatus(shop.domain(), DomainStatus.VERIFIED, Fixtures.NOW)), errors);
        DomainRow row = vm.row(shop.domain().id()).orElseThrow();
        assertEquals(dev.domaindesk.ui.Badge.UNCONFIRMED, row.badge());
        assertEquals("0 verified · 1 DNS error · 2 pending · 0 failed", vm.countsProperty().get());
        assertEquals(3, vm.countOf(StatusFilter.ATTENTION).get());
        assertEquals(0, vm.countOf(StatusFilter.VERIFIED).get());
        vm.statusFilterProperty().set(StatusFilter.VERIFIED);
        assertTrue(vm.visible().isEmpty());
        vm.statusFilterProperty().set(StatusFilter.ATTENTION);
        assertEquals(3, vm.visible().size());
        vm.statusFilterProperty().set(StatusFilter.ALL);
        vm.searchProperty().set("dns error");
        assertEquals(List.of("shop.example.org"), visibleNames());
    }
}
