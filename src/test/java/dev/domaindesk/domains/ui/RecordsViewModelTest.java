package dev.domaindesk.domains.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.Diagnosis;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.DomainName;
import dev.domaindesk.domains.DomainWithRecords;
import dev.domaindesk.domains.RecordType;
import dev.domaindesk.domains.Severity;
import dev.domaindesk.ui.AppState;
import dev.domaindesk.ui.Badge;
import dev.domaindesk.ui.CheckFeed;
import dev.domaindesk.ui.UiTasks;
import dev.domaindesk.ui.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecordsViewModelTest {
    private final Fixtures f = new Fixtures();
    private final AppState state = new AppState();
    private final CheckFeed feed = new CheckFeed();
    private final List<String> clipboard = new ArrayList<>();
    private DomainWithRecords example;
    private RecordsViewModel vm;
    private SelectedDomain selected;

    @BeforeEach
    void setUp() {
        example = f.add("example.com");
        f.add("other.example");
        selected = new SelectedDomain(f.domains, UiTasks.synchronous(), state, feed);
        vm = new RecordsViewModel(selected, feed, clipboard::add);
        state.selectedDomainIdProperty().set(example.domain().id());
    }

    private RecordRow row(RecordType type, String name) {
        return vm.rows().stream().filter(r -> r.record().recordType() == type && r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void rowsAreTheSelectedDomainsRecordsAllPendingAtFirst() {
        assertEquals(example.records().stream().map(DnsRecord::id).toList(), vm.rows().stream().map(RecordRow::id).toList());
        assertTrue(vm.rows().stream().allMatch(r -> r.badgeProperty().get() == Badge.PENDING));
    }

    @Test
    void copyGivesTheMxHostAsValueTheFullNameAndTheHostOnly() {
        RecordRow mx = row(RecordType.MX, "mail.example.com");
        vm.copyValue(mx);
        vm.copyName(mx);
        vm.copyHostOnly(mx);
        vm.copyHostOnly(row(RecordType.TXT, "_dmarc.example.com"));
        vm.copyHostOnly(row(RecordType.MX, "example.com"));
        assertEquals(List.of("feedback-smtp.us-east-1.amazonses.com", "mail.example.com", "mail", "_dmarc", "@"), clipboard);
        assertEquals("Copied host @ (relative to example.com: the zone is not known yet)", vm.copyFeedbackProperty().get());
        assertEquals(5, vm.copiesProperty().get());
    }

    /** Issue 14 point 1 / issue 13 point 5: "host" is relative to the zone a check learnt, and says when it is not known. */
    @Test
    void theHostOfASubdomainIdentityIsRelativeToTheLearntZoneAndSaysSoUntilItIsKnown() {
        DomainWithRecords mail = f.add("mail.example.net");
        state.selectedDomainIdProperty().set(mail.domain().id());
        RecordRow dmarc = row(RecordType.TXT, "_dmarc.mail.example.net");
        assertEquals("_dmarc", dmarc.hostOnly());
        assertTrue(dmarc.hostNote().contains("relative to mail.example.net"), dmarc.hostNote());
        assertTrue(dmarc.hostNote().contains("example.net"), dmarc.hostNote());

        feed.publish(List.of(mail.domain().withZone(new DomainName("example.net"))), List.of());

        assertEquals("_dmarc.mail", dmarc.hostOnly());
        assertEquals("", dmarc.hostNote());
        vm.copyHostOnly(dmarc);
        vm.copyHostOnly(row(RecordType.MX, "mail.example.net"));
        assertEquals(List.of("_dmarc.mail", "mail"), clipboard);
        assertEquals("Copied host mail", vm.copyFeedbackProperty().get());
    }

    @Test
    void keyboardCopiesActOnTheSelectedRecordOnly() {
        vm.copySelectedValue();
        assertTrue(clipboard.isEmpty());
        RecordRow dmarc = row(RecordType.TXT, "_dmarc.example.com");
        vm.selectedProperty().set(dmarc);
        vm.copySelectedValue();
        vm.copySelectedName();
        assertEquals(List.of(dmarc.record().value(), "_dmarc.example.com"), clipboard);
    }

    @Test
    void aMismatchExplainsExpectedFoundAndDiagnosisAndUpdatesInPlace() {
        RecordRow spf = row(RecordType.TXT, "example.com");
        vm.selectedProperty().set(spf);
        Diagnosis why = new Diagnosis("SPF_INCLUDE_MISSING", Severity.ERROR, "The SPF record lacks include:amazonses.com.");
        DnsRecord checked = Fixtures.checked(spf.record(), CheckState.MISMATCH, List.of("v=spf1 include:mailgun.org ~all"),
                Fixtures.NOW, why);
        feed.publish(List.of(), List.of(checked));

        assertEquals(Badge.MISMATCH, spf.badgeProperty().get());
        RecordExplanation e = vm.explanationProperty().get();
        assertTrue(e.expected().contains("v=spf1 include:amazonses.com ~all"), e.expected());
        assertEquals("v=spf1 include:mailgun.org ~all", e.found());
        assertEquals(List.of("Problem: The SPF record lacks include:amazonses.com."), e.diagnoses());
        assertEquals(spf, vm.selectedProperty().get());
    }

    /** MULTIPLE_SPF's merged record is offered on its own: Ctrl+C would copy the expected record, which does not fix it. */
    @Test
    void aDiagnosisWithAValueToPublishOffersThatValueToCopy() {
        RecordRow spf = row(RecordType.TXT, "example.com");
        vm.selectedProperty().set(spf);
        String merged = "v=spf1 include:amazonses.com include:mailgun.org ~all";
        Diagnosis two = dev.domaindesk.verification.rules.Diagnoses.multipleSpf("example.com",
                List.of("v=spf1 include:amazonses.com ~all", "v=spf1 include:mailgun.org ~all"), merged);
        feed.publish(List.of(), List.of(Fixtures.checked(spf.record(), CheckState.MISMATCH,
                List.of("v=spf1 include:amazonses.com ~all", "v=spf1 include:mailgun.org ~all"), Fixtures.NOW, two)));

        RecordExplanation e = vm.explanationProperty().get();
        assertEquals(merged, e.lines().get(0).publish());
        vm.copyFix(e.lines().get(0).publish());
        assertEquals(List.of(merged), clipboard);
        assertTrue(vm.copyFeedbackProperty().get().startsWith("Copied the value to publish"), vm.copyFeedbackProperty().get());
        vm.copySelectedValue();
        assertEquals("v=spf1 include:amazonses.com ~all", clipboard.get(1), "Ctrl+C still copies the expected record");
    }

    /** Rows say what they are for; with a provider detected, the details give the record in its panel's words. */
    @Test
    void rowsCarryTheirPurposeAndTheDetailsUseTheProvidersFieldNames() {
        assertEquals("DMARC", row(RecordType.TXT, "_dmarc.example.com").purpose());
        assertEquals("Inbound MX", row(RecordType.MX, "example.com").purpose());
        List<String> dkim = vm.rows().stream().filter(r -> r.record().recordType() == RecordType.CNAME).map(RecordRow::purpose).toList();
        assertEquals(List.of("DKIM 1", "DKIM 2", "DKIM 3"), dkim);

        RecordRow cname = vm.rows().stream().filter(r -> r.record().recordType() == RecordType.CNAME).findFirst().orElseThrow();
        vm.selectedProperty().set(cname);
        assertNull(vm.explanationProperty().get().entry(), "no provider known yet");
        selected.providerProperty().set(detection(new dev.domaindesk.providers.DnsProviderCatalog(), "amy.ns.cloudflare.com"));
        ProviderEntry cf = vm.explanationProperty().get().entry();
        assertEquals("Cloudflare", cf.provider());
        assertEquals(List.of(new ProviderEntry.Field("Type", "CNAME"), new ProviderEntry.Field("Name", cname.hostOnly()),
                new ProviderEntry.Field("Content", cname.value()), new ProviderEntry.Field("Proxy status", "DNS only")), cf.fields());

        vm.selectedProperty().set(row(RecordType.MX, "mail.example.com"));
        selected.providerProperty().set(detection(new dev.domaindesk.providers.DnsProviderCatalog(), "ns1.domaincontrol.com"));
        assertEquals(List.of(new ProviderEntry.Field("Type", "MX"), new ProviderEntry.Field("Name", "mail"),
                new ProviderEntry.Field("Value", "feedback-smtp.us-east-1.amazonses.com"), new ProviderEntry.Field("Priority", "10")),
                vm.explanationProperty().get().entry().fields(), "GoDaddy");
        selected.providerProperty().set(detection(new dev.domaindesk.providers.DnsProviderCatalog(), "ns-12.awsdns-01.com"));
        assertEquals(List.of(new ProviderEntry.Field("Record type", "MX"), new ProviderEntry.Field("Record name", "mail"),
                new ProviderEntry.Field("Value", "10 feedback-smtp.us-east-1.amazonses.com")),
                vm.explanationProperty().get().entry().fields(), "Route 53: the priority goes in the value");
    }

    private static dev.domaindesk.providers.ProviderDetector.Detection detection(dev.domaindesk.providers.DnsProviderCatalog catalog,
                                                                              String ns) {
        return new dev.domaindesk.providers.ProviderDetector.Detection(catalog.recognise(List.of(ns)), List.of(ns), null);
    }

    /** A grey "couldn't check" badge is never explained as "now broken": a DNS error is no verdict. */
    @Test
    void aDnsErrorOfAFormerlyVerifiedRecordIsNotCalledBroken() {
        RecordRow spf = row(RecordType.TXT, "example.com");
        vm.selectedProperty().set(spf);
        feed.publish(List.of(), List.of(spf.record().withCheck(false, CheckState.DNS_ERROR, List.of(), List.of(), true, Fixtures.NOW)));
        assertEquals(Badge.DNS_ERROR, spf.badgeProperty().get());
        List<String> lines = vm.explanationProperty().get().diagnoses();
        assertTrue(lines.stream().noneMatch(l -> l.contains("now broken")), lines.toString());
        assertTrue(lines.get(0).startsWith("Note: this record was verified at an earlier check"), lines.toString());

        feed.publish(List.of(), List.of(spf.record().withCheck(false, CheckState.MISSING, List.of(), List.of(), true, Fixtures.NOW)));
        assertEquals(Badge.BROKEN, spf.badgeProperty().get());
        assertTrue(vm.explanationProperty().get().diagnoses().get(0).contains("now broken"));
    }

    @Test
    void recordsOfADomainBeingCheckedShowCheckingUntilItsResultsArrive() {
        feed.startChecking(List.of(example.domain().id()));
        assertTrue(vm.rows().stream().allMatch(r -> r.badgeProperty().get() == Badge.CHECKING));
        DnsRecord first = Fixtures.checked(example.records().get(0), CheckState.VERIFIED, List.of("x"), Fixtures.NOW);
        feed.publish(List.of(example.domain()), List.of(first));
        assertEquals(Badge.VERIFIED, vm.rows().get(0).badgeProperty().get());
        assertEquals(Badge.PENDING, vm.rows().get(1).badgeProperty().get());
    }

    @Test
    void aSortedTableKeepsItsRowsAndSelectionWhenResultsArrive() {
        javafx.collections.FXCollections.reverse(vm.rows()); // what a click on a column header does to the rows
        List<RecordRow> sorted = List.copyOf(vm.rows());
        RecordRow chosen = sorted.get(2);
        vm.selectedProperty().set(chosen);
        List<ListChangeListener.Change<? extends RecordRow>> events = new ArrayList<>();
        vm.rows().addListener((ListChangeListener<RecordRow>) events::add);

        DnsRecord checked = Fixtures.checked(chosen.record(), CheckState.VERIFIED, List.of("x"), Fixtures.NOW);
        feed.publish(List.of(example.domain()), List.of(checked));

        assertEquals(sorted, vm.rows(), "the same rows in the order the admin sorted them");
        assertTrue(events.isEmpty(), events.toString());
        assertEquals(chosen, vm.selectedProperty().get(), "the selected record stays selected");
        assertEquals(Badge.VERIFIED, chosen.badgeProperty().get());
    }

    @Test
    void aCheckChangesTheRowsInPlaceWithoutListEvents() {
        List<RecordRow> before = List.copyOf(vm.rows());
        List<ListChangeListener.Change<? extends RecordRow>> events = new ArrayList<>();
        vm.rows().addListener((ListChangeListener<RecordRow>) events::add);
        feed.startChecking(List.of(example.domain().id()));
        feed.publish(List.of(example.domain()),
                List.of(Fixtures.checked(example.records().get(0), CheckState.VERIFIED, List.of("x"), Fixtures.NOW)));
        feed.stopChecking();

        assertEquals(Badge.VERIFIED, vm.rows().get(0).badgeProperty().get());
        assertEquals(before, vm.rows());
        assertTrue(events.isEmpty(), "a table reconfigures every row on each list event: " + events);
    }

    @Test
    void aDnsErrorIsNeverCalledMissing() {
        RecordRow dmarc = row(RecordType.TXT, "_dmarc.example.com");
        vm.selectedProperty().set(dmarc);
        feed.publish(List.of(), List.of(Fixtures.checked(dmarc.record(), CheckState.DNS_ERROR, List.of(), Fixtures.NOW)));
        assertEquals(Badge.DNS_ERROR, dmarc.badgeProperty().get());
        assertEquals("couldn't check", Badge.DNS_ERROR.word());
        assertTrue(vm.explanationProperty().get().found().contains("not a verdict"));
    }

    @Test
    void selectingNothingEmptiesTheTable() {
        state.selectedDomainIdProperty().set(null);
        assertTrue(vm.rows().isEmpty());
        assertNull(vm.explanationProperty().get());
    }
}
