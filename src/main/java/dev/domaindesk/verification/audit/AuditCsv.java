package dev.domaindesk.verification.audit;

import dev.domaindesk.domains.Diagnosis;
import dev.domaindesk.text.SpreadsheetCells;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The audit of many domains as one CSV sheet: a row per domain, a result and a why column per requirement; cells a
 * spreadsheet would run as formulas are neutralised, as in the records' CSV export.
 */
public final class AuditCsv {
    /** The checklist's items, in the order {@link SenderRequirements} lists them. */
    static final List<String> REQUIREMENTS = List.of("spf", "dkim", "dmarc", "alignment", "ptr", "tls", "unsubscribe",
            "spam-rate");

    private AuditCsv() {
    }

    public static void write(List<DomainAudit> audits, Writer out) throws IOException {
        List<String> header = new ArrayList<>(List.of("domain", "audited_at", "dnssec", "dnssec_why"));
        for (String id : REQUIREMENTS) {
            header.add(id);
            header.add(id + "_why");
        }
        header.addAll(List.of("dkim_keys", "findings"));
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get();
        try (CSVPrinter csv = new CSVPrinter(out, format)) {
            for (DomainAudit a : audits) {
                List<String> row = new ArrayList<>(List.of(a.domain(), a.auditedAt().toString(), a.dnssec().state().wire(),
                        a.dnssec().message()));
                for (String id : REQUIREMENTS) {
                    Requirement r = a.requirements().stream().filter(q -> q.id().equals(id)).findFirst().orElse(null);
                    row.add(r == null ? "" : r.result().wire());
                    row.add(r == null ? "" : r.why());
                }
                row.add(a.dkim().stream().map(k -> k.name() + " " + k.strength().wire() + (k.bits() > 0 ? " " + k.bits() : ""))
                        .collect(Collectors.joining("; ")));
                row.add(a.findings().stream().map(Diagnosis::code).collect(Collectors.joining("; ")));
                csv.printRecord(row.stream().map(SpreadsheetCells::neutralised).toList());
            }
        }
    }
}
