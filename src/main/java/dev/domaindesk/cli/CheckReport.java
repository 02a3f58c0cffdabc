package dev.domaindesk.cli;

import dev.domaindesk.domains.Counted;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.domaindesk.api.json.ServiceJson;
import dev.domaindesk.domains.Diagnosis;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.verification.CheckSummary;
import dev.domaindesk.verification.audit.AuditJson;
import dev.domaindesk.verification.audit.DomainAudit;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The check command's output: a table with the reasons below it, or the JSON document, of what the run stored. */
final class CheckReport {
    private final CheckSummary summary;
    private final List<Domain> domains;
    private final Map<String, List<DnsRecord>> records;
    private final Map<String, Rows> rows;
    private final Map<String, DomainAudit> audits;

    /** One domain's table rows and the lines of its reasons ("Why:"), rendered as soon as its results are stored. */
    record Rows(List<String[]> cells, String reasons) {
        Rows then(Rows more) {
            List<String[]> all = new ArrayList<>(cells);
            all.addAll(more.cells());
            return new Rows(all, reasons + more.reasons());
        }
    }

    /** {@code checked}: domain ids in the order asked; those not in {@code stored} (removed meanwhile) are left out. */
    CheckReport(List<String> checked, CheckResults stored, CheckSummary summary, Map<String, DomainAudit> audits) {
        this.summary = summary;
        this.audits = audits;
        Map<String, Domain> storedDomains = stored.domains();
        this.domains = checked.stream().map(storedDomains::get).filter(java.util.Objects::nonNull).toList();
        this.records = stored.records();
        this.rows = stored.rows();
    }

    /** {@code d}'s rows in the table: one per record, with its diagnoses' reasons below the table. */
    static Rows rowsOf(Domain d, List<DnsRecord> domainRecords) {
        String name = d.name().unicode();
        String status = d.status().wire();
        List<String[]> cells = new ArrayList<>(domainRecords.size());
        StringBuilder reasons = new StringBuilder();
        for (DnsRecord r : domainRecords) {
            cells.add(TextTable.cells(name, status, r.recordType(), r.name(), r.checkState().wire(),
                    shorten(String.join(" | ", r.found())), codes(r)));
            for (Diagnosis g : r.diagnoses()) {
                reasons.append("  ").append(r.recordType()).append(' ').append(r.name()).append(": [")
                        .append(g.severity().wire()).append("] ").append(g.code()).append(": ")
                        .append(g.message()).append('\n');
            }
        }
        return new Rows(cells, reasons.toString());
    }

    void printJson(PrintStream out) throws IOException {
        ObjectNode doc = ServiceJson.mapper().createObjectNode();
        doc.put("checkedAt", ServiceJson.format(summary.checkedAt()));
        ArrayNode list = doc.putArray("domains");
        for (Domain d : domains) {
            ObjectNode domain = list.addObject();
            domain.put("domainId", d.id());
            domain.put("domain", d.name().ascii());
            domain.put("status", d.status().wire());
            ArrayNode recs = domain.putArray("records");
            for (DnsRecord r : records.getOrDefault(d.id(), List.of())) {
                ObjectNode rec = recs.addObject();
                rec.put("id", r.id());
                rec.put("recordType", r.recordType().name());
                rec.put("name", r.name());
                rec.put("value", r.value());
                rec.put("isVerified", r.isVerified());
                rec.put("lastChecked", ServiceJson.format(r.lastChecked()));
                rec.put("checkState", r.checkState().wire());
                ArrayNode found = rec.putArray("found");
                r.found().forEach(found::add);
                ArrayNode diagnoses = rec.putArray("diagnoses");
                for (Diagnosis g : r.diagnoses()) {
                    var node = diagnoses.addObject().put("code", g.code()).put("severity", g.severity().wire()).put("message", g.message());
                    if (g.publish() != null) {
                        node.put("publish", g.publish());
                    }
                }
            }
            DomainAudit audit = audits.get(d.id());
            if (audit != null) {
                domain.set("audit", AuditJson.write(audit));
            }
        }
        if (!summary.notStored().isEmpty()) {
            ArrayNode notStored = doc.putArray("notStored");
            for (CheckSummary.NotStored n : summary.notStored()) {
                notStored.addObject().put("domainId", n.domainId()).put("domain", n.domain()).put("reason", n.reason());
            }
        }
        ServiceJson.mapper().writerWithDefaultPrettyPrinter().writeValue(out, doc);
        out.println();
    }

    void printTable(PrintStream out) {
        TextTable table = new TextTable("DOMAIN", "STATUS", "TYPE", "NAME", "CHECK", "FOUND", "DIAGNOSES");
        StringBuilder reasons = new StringBuilder();
        for (Domain d : domains) {
            Rows domainRows = rows.get(d.id());
            if (domainRows != null) {
                domainRows.cells().forEach(table::add);
                reasons.append(domainRows.reasons());
            }
        }
        table.print(out);
        if (!reasons.isEmpty()) {
            out.println();
            out.println("Why:");
            out.print(reasons);
        }
        if (!audits.isEmpty()) {
            out.println();
            AuditReport.printText(domains.stream().map(d -> audits.get(d.id())).filter(java.util.Objects::nonNull).toList(), out);
        }
        out.println();
        out.println(Counted.of(summary.records(), "record") + " in " + Counted.of(summary.domains(), "domain") + ": " + summary.verified()
                + " verified, " + summary.notVerified() + " not verified, " + Counted.of(summary.dnsErrors(), "DNS error")
                + (summary.offline() ? " (no DNS server answered: offline?)" : ""));
        if (!summary.notStored().isEmpty()) {
            out.println("Not stored (their earlier results are kept; the other domains' results were stored):");
            for (CheckSummary.NotStored n : summary.notStored()) {
                out.println("  " + n.domain() + ": " + n.reason());
            }
        }
    }

    private static String codes(DnsRecord r) {
        return r.diagnoses().isEmpty() ? "" : String.join(",", r.diagnoses().stream().map(Diagnosis::code).toList());
    }

    private static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
