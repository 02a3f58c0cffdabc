package dev.domaindesk.verification.audit.ui;

import dev.domaindesk.domains.Diagnosis;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.ui.UiTasks;
import dev.domaindesk.verification.audit.Dnssec;
import dev.domaindesk.verification.audit.DomainAudit;
import dev.domaindesk.verification.audit.Requirement;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The selected domain's audit: the DNSSEC line, the sender checklist, DKIM keys and findings. Shows the stored
 * audit at once, and audits in the background after each check of the domain (with the check's DNS settings);
 * a domain never checked is audited only on request.
 */
public final class AuditViewModel {
    private final ReadOnlyObjectProperty<Domain> domain;
    private final Audits audits;
    private final UiTasks tasks;
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("Deliverability");
    private final ReadOnlyStringWrapper dnssec = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Dnssec.State> dnssecState = new ReadOnlyObjectWrapper<>();
    private final ObservableList<ChecklistItem> checklist = FXCollections.observableArrayList();
    private final ObservableList<String> details = FXCollections.observableArrayList();
    // one read-only view each: such a view listens weakly to its list, so a view made per call could be collected
    private final ObservableList<ChecklistItem> readOnlyChecklist = FXCollections.unmodifiableObservableList(checklist);
    private final ObservableList<String> readOnlyDetails = FXCollections.unmodifiableObservableList(details);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private long generation;
    private String shownDomainId;
    private Instant shownCheck;

    public AuditViewModel(ReadOnlyObjectProperty<Domain> domain, Audits audits, UiTasks tasks) {
        this.domain = domain;
        this.audits = audits;
        this.tasks = tasks;
        domain.addListener((obs, old, d) -> changed(d));
        changed(domain.get());
    }

    /** A new domain loads its stored audit; the same domain checked again is audited again. */
    private void changed(Domain d) {
        if (d == null) {
            generation++;
            shownDomainId = null;
            show(null);
            return;
        }
        if (d.id().equals(shownDomainId)) {
            if (!Objects.equals(d.lastDnsCheck(), shownCheck)) {
                shownCheck = d.lastDnsCheck();
                auditNow();
            }
            return;
        }
        shownDomainId = d.id();
        shownCheck = d.lastDnsCheck();
        long gen = ++generation;
        show(null);
        summary.set("Deliverability: loading…");
        tasks.run(() -> audits.latest(d.id()), stored -> {
            if (gen != generation) {
                return;
            }
            stored.ifPresentOrElse(this::show, () -> summary.set("Deliverability: not audited yet"));
            boolean stale = d.lastDnsCheck() != null
                    && (stored.isEmpty() || stored.get().auditedAt().isBefore(d.lastDnsCheck()));
            if (stale) {
                auditNow();
            }
        }, e -> failed(gen, e));
    }

    /** Audits the selected domain now (the button, and after each check of it). */
    public void auditNow() {
        Domain d = domain.get();
        if (d == null) {
            return;
        }
        long gen = ++generation;
        busy.set(true);
        if (checklist.isEmpty()) {
            summary.set("Deliverability: auditing…");
        }
        tasks.run(() -> audits.run(d.id()), done -> {
            if (gen == generation) {
                busy.set(false);
                done.ifPresentOrElse(this::show, () -> summary.set("Deliverability: not audited (domain removed)"));
            }
        }, e -> failed(gen, e));
    }

    private void failed(long gen, Throwable e) {
        if (gen == generation) {
            busy.set(false);
            summary.set("Deliverability: couldn't audit (" + UiTasks.describe(e) + ")");
        }
    }

    private void show(DomainAudit audit) {
        if (audit == null) {
            summary.set("Deliverability");
            dnssec.set("");
            dnssecState.set(null);
            checklist.clear();
            details.clear();
            return;
        }
        dnssecState.set(audit.dnssec().state());
        dnssec.set("DNSSEC: " + label(audit.dnssec().state()) + ". " + audit.dnssec().message());
        checklist.setAll(audit.requirements().stream().map(ChecklistItem::of).toList());
        details.setAll(java.util.stream.Stream.concat(
                audit.dkim().stream().map(k -> "DKIM " + k.name() + ": " + k.message()),
                audit.findings().stream().map(AuditViewModel::line)).toList());
        summary.set("Sender requirements: " + audit.count(Requirement.Result.PASS) + " pass, "
                + audit.count(Requirement.Result.FAIL) + " fail, " + audit.count(Requirement.Result.NOT_IN_DNS)
                + " not in DNS" + (audit.count(Requirement.Result.UNKNOWN) > 0
                ? ", " + audit.count(Requirement.Result.UNKNOWN) + " couldn't check" : "")
                + " · DNSSEC " + label(audit.dnssec().state()));
    }

    private static String line(Diagnosis d) {
        return (d.severity() == dev.domaindesk.domains.Severity.INFO ? "" : d.severity().wire() + ": ") + d.message();
    }

    static String label(Dnssec.State state) {
        return switch (state) {
            case SECURE -> "signed and valid";
            case INSECURE -> "unsigned";
            case BOGUS -> "broken (bogus)";
            case UNKNOWN -> "couldn't check";
        };
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty dnssecProperty() {
        return dnssec.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Dnssec.State> dnssecStateProperty() {
        return dnssecState.getReadOnlyProperty();
    }

    /** The checklist, in the order of the requirements (read-only for the view). */
    public ObservableList<ChecklistItem> checklist() {
        return readOnlyChecklist;
    }

    /** DKIM keys and the receiving and reporting findings, one line each. */
    public ObservableList<String> details() {
        return readOnlyDetails;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** For tests and the view: the audit state of the given requirement, if shown. */
    public Optional<ChecklistItem> item(String id) {
        return checklist.stream().filter(i -> i.id().equals(id)).findFirst();
    }
}
