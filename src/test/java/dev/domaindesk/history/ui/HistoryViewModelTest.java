package dev.domaindesk.history.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainName;
import dev.domaindesk.domains.DomainStatus;
import dev.domaindesk.domains.RecordType;
import dev.domaindesk.history.HistoryEntry;
import dev.domaindesk.ui.UiTasks;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

/** The history pane's view model, without a toolkit: timeline of the selected record, recent changes, reloads. */
class HistoryViewModelTest {
    private static final Instant NOV1 = Instant.parse("2026-11-01T09:00:00Z");
    private static final Instant NOV3 = Instant.parse("2026-11-03T09:00:00Z");
    private static final Instant NOV5 = Instant.parse("2026-11-05T09:00:00Z");
    private static final Instant NOV6 = Instant.parse("2026-11-06T09:00:00Z");

    private final Domain domain = new Domain("d1", DomainName.parse("hist.test"), DomainStatus.VERIFIED, "test", NOV1,
            NOV1, NOV6, NOV1, null, Domain.ServiceFields.NONE);
    private final DnsRecord txt = DnsRecord.fromService("r1", "d1", RecordType.TXT, "_amazonses.hist.test", "TOKEN",
            null, true, true, NOV6, NOV1, NOV1).withCheck(true, CheckState.VERIFIED, List.of("TOKEN"), List.of(), false, NOV6);
    private final DnsRecord mx = DnsRecord.fromService("r2", "d1", RecordType.MX, "hist.test", "10 mx.hist.test",
            null, true, true, NOV6, NOV1, NOV1).withCheck(true, CheckState.VERIFIED, List.of(), List.of(), false, NOV6);
    private final List<HistoryEntry> stored = new ArrayList<>(List.of(
            new HistoryEntry("r1", "d1", NOV1, CheckState.VERIFIED, List.of("TOKEN"), List.of()),
            new HistoryEntry("r1", "d1", NOV3, CheckState.MISSING, List.of(), List.of()),
            new HistoryEntry("r1", "d1", NOV5, CheckState.VERIFIED, List.of("TOKEN"), List.of()),
            new HistoryEntry("r2", "d1", NOV1, CheckState.VERIFIED, List.of(), List.of())));
    private final List<String> asked = new ArrayList<>();
    private final SimpleObjectProperty<Domain> selectedDomain = new SimpleObjectProperty<>();
    private final ObservableList<DnsRecord> records = FXCollections.observableArrayList();
    private final SimpleObjectProperty<DnsRecord> selectedRecord = new SimpleObjectProperty<>();
    private final HistoryViewModel vm = new HistoryViewModel(selectedDomain, records, selectedRecord, id -> {
        asked.add(id);
        return List.copyOf(stored);
    }, UiTasks.synchronous(), Clock.fixed(NOV6, ZoneOffset.UTC));

    @Test
    void theSelectedRecordsTimelineAndTheDomainsRecentChanges() {
        selectedDomain.set(domain);
        records.setAll(txt, mx);
        assertEquals("History: last change 5 Nov 09:00 · TXT _amazonses.hist.test · verified (was missing)",
                vm.titleProperty().get());
        assertEquals(List.of("5 Nov 09:00 · TXT _amazonses.hist.test · verified (was missing)",
                "3 Nov 09:00 · TXT _amazonses.hist.test · missing (was verified)",
                "1 Nov 09:00 · MX hist.test · verified (first check)",
                "1 Nov 09:00 · TXT _amazonses.hist.test · verified (first check)").subList(0, 2), vm.recent().subList(0, 2));
        assertEquals(4, vm.recent().size());
        assertTrue(vm.timelineProperty().get().startsWith("Select a record"));

        selectedRecord.set(txt);
        assertEquals("TXT _amazonses.hist.test: since 5 Nov verified; 3 Nov–5 Nov missing; 1 Nov–3 Nov verified",
                vm.timelineProperty().get());
    }

    @Test
    void aStoredCheckReloadsAndAnotherDomainStartsAfresh() {
        selectedDomain.set(domain);
        records.setAll(txt, mx);
        int before = asked.size();
        stored.add(new HistoryEntry("r2", "d1", NOV6, CheckState.MISMATCH, List.of("20 other.test"), List.of()));
        records.set(1, mx.withCheck(false, CheckState.MISMATCH, List.of("20 other.test"), List.of(), false, NOV6));
        assertTrue(asked.size() > before, "new records (a check stored) reload the history");
        assertEquals("History: last change 6 Nov 09:00 · MX hist.test · wrong value (was verified)", vm.titleProperty().get());

        stored.clear();
        selectedDomain.set(null);
        assertEquals("History: no changes recorded yet", vm.titleProperty().get());
        assertEquals(0, vm.recent().size());
    }
}
