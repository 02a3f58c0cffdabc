package dev.domaindesk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.domaindesk.api.json.ServiceJson;
import dev.domaindesk.domains.Diagnosis;
import dev.domaindesk.verification.audit.AuditJson;
import dev.domaindesk.verification.audit.DkimKey;
import dev.domaindesk.verification.audit.DomainAudit;
import dev.domaindesk.verification.audit.Requirement;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/** The audit command's output: a block of lines per domain, or one JSON document. */
final class AuditReport {
    private AuditReport() {
    }

    /** {@code {"audits": [...]}}, pretty-printed, ending with a line break. */
    static String json(List<DomainAudit> audits) throws IOException {
        ObjectNode doc = ServiceJson.mapper().createObjectNode();
        ArrayNode list = doc.putArray("audits");
        audits.forEach(a -> list.add(AuditJson.write(a)));
        return ServiceJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(doc) + System.lineSeparator();
    }

    static void printText(List<DomainAudit> audits, PrintStream out) {
        for (DomainAudit a : audits) {
            out.println(a.domain());
            out.println("  DNSSEC: " + a.dnssec().state().wire() + " - " + a.dnssec().message());
            out.println("  Sender requirements (" + a.requirements().get(0).receivers() + "):");
            for (Requirement r : a.requirements()) {
                out.println("    [" + r.result().wire() + "] " + r.title() + ": " + r.why());
            }
            for (DkimKey k : a.dkim()) {
                out.println("  DKIM " + k.name() + ": " + k.strength().wire() + " - " + k.message());
            }
            for (Diagnosis d : a.findings()) {
                out.println("  [" + d.severity().wire() + "] " + d.code() + ": " + d.message());
            }
            out.println();
        }
        long failing = audits.stream().filter(AuditReport::failing).count();
        out.println(audits.size() + " domains audited: " + failing + " fail a sender requirement or DNSSEC");
    }

    /** A requirement DNS shows as failed, or a broken DNSSEC chain. */
    static boolean failing(DomainAudit a) {
        return a.count(Requirement.Result.FAIL) > 0 || a.dnssec().state() == dev.domaindesk.verification.audit.Dnssec.State.BOGUS;
    }
}
