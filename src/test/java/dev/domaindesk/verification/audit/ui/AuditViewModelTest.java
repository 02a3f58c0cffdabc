package dev.domaindesk.verification.audit.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.domains.Domain;
import dev.domaindesk.ui.UiTasks;
import dev.domaindesk.verification.audit.Dnssec;
import dev.domaindesk.verification.audit.Requirement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

/** The checklist's view model with an in-memory audit service and synchronous tasks: no toolkit, no sleeps. */
class AuditViewModelTest {
    private static final Instant CHECKED = Instant.parse("2026-12-02T10:00:00Z");
    private final AuditFakes audits = new AuditFakes();
    private final SimpleObjectProperty<Domain> selected = new SimpleObjectProperty<>();

    @Test
    void aStoredAuditNewerThanTheLastCheckIsShownWithoutAuditingAgain() {
        audits.stored.put("d1", AuditFakes.audit("d1", "a.test", CHECKED.plusSeconds(5), Dnssec.State.SECURE,
                Requirement.Result.FAIL));
        AuditViewModel vm = new AuditViewModel(selected, audits, UiTasks.synchronous());
        selected.set(AuditFakes.domain("d1", "a.test", CHECKED));

        assertEquals(List.of(), audits.runs);
        assertEquals("Sender requirements: 1 pass, 1 fail, 1 not in DNS · DNSSEC signed and valid", vm.summaryProperty().get());
        assertEquals("fail", vm.item("dmarc").orElseThrow().mark());
        assertTrue(vm.item("dmarc").orElseThrow().why().startsWith("No DMARC record at _dmarc.a.test."));
        assertEquals("not in DNS", vm.item("spam-rate").orElseThrow().mark());
        assertEquals(Dnssec.State.SECURE, vm.dnssecStateProperty().get());
        assertTrue(vm.dnssecProperty().get().startsWith("DNSSEC: signed and valid."));
        assertTrue(vm.details().get(0).contains("1024 bits"), vm.details().toString());
    }

    @Test
    void aCheckOfTheShownDomainAuditsItAndANeverCheckedOneWaitsForTheButton() {
        audits.next.put("d1", AuditFakes.audit("d1", "a.test", CHECKED, Dnssec.State.BOGUS, Requirement.Result.PASS));
        AuditViewModel vm = new AuditViewModel(selected, audits, UiTasks.synchronous());
        selected.set(AuditFakes.domain("d1", "a.test", null));
        assertEquals(List.of(), audits.runs, "never checked: its DNS settings were never used, nothing is asked");
        assertEquals("Deliverability: not audited yet", vm.summaryProperty().get());

        selected.set(AuditFakes.domain("d1", "a.test", CHECKED));
        assertEquals(List.of("d1"), audits.runs);
        assertEquals(Dnssec.State.BOGUS, vm.dnssecStateProperty().get());
        assertTrue(vm.summaryProperty().get().endsWith("DNSSEC broken (bogus)"), vm.summaryProperty().get());

        selected.set(AuditFakes.domain("d1", "a.test", CHECKED));
        assertEquals(1, audits.runs.size(), "the same check is not audited twice");
        vm.auditNow();
        assertEquals(2, audits.runs.size());
    }

    @Test
    void aResultForADomainNoLongerSelectedIsDropped() {
        List<Runnable> pending = new ArrayList<>();
        Executor later = pending::add;
        audits.next.put("d1", AuditFakes.audit("d1", "a.test", CHECKED, Dnssec.State.SECURE, Requirement.Result.FAIL));
        audits.stored.put("d2", AuditFakes.audit("d2", "b.test", CHECKED, Dnssec.State.INSECURE, Requirement.Result.PASS));
        AuditViewModel vm = new AuditViewModel(selected, audits, new UiTasks(Runnable::run, later));
        selected.set(AuditFakes.domain("d1", "a.test", CHECKED));
        selected.set(AuditFakes.domain("d2", "b.test", CHECKED));
        new ArrayList<>(pending).forEach(Runnable::run); // d1's stored audit (none) arrives late, then d2's
        assertEquals(Dnssec.State.INSECURE, vm.dnssecStateProperty().get());
        assertEquals("pass", vm.item("dmarc").orElseThrow().mark());
        assertFalse(audits.runs.contains("d1"), "d1 was no longer selected when its stored audit arrived");
    }

    @Test
    void noSelectionShowsNothingAndAFailureSaysSo() {
        AuditViewModel vm = new AuditViewModel(selected, new Audits() {
            @Override
            public java.util.Optional<dev.domaindesk.verification.audit.DomainAudit> latest(String domainId) {
                throw new IllegalStateException("store closed");
            }

            @Override
            public java.util.Optional<dev.domaindesk.verification.audit.DomainAudit> run(String domainId) {
                throw new IllegalStateException("unused");
            }
        }, UiTasks.synchronous());
        assertEquals("Deliverability", vm.summaryProperty().get());
        assertTrue(vm.checklist().isEmpty());
        selected.set(AuditFakes.domain("d1", "a.test", CHECKED));
        assertEquals("Deliverability: couldn't audit (store closed)", vm.summaryProperty().get());
        assertFalse(vm.busyProperty().get());
    }
}
