package dev.domaindesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.domaindesk.api.json.ServiceJson;
import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.Diagnosis;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainName;
import dev.domaindesk.domains.DomainStatus;
import dev.domaindesk.domains.RecordType;
import dev.domaindesk.domains.Severity;
import dev.domaindesk.verification.CheckEvent;
import dev.domaindesk.verification.CheckListener;
import dev.domaindesk.verification.CheckSummary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The check command's report is built from the batches the run stored, which arrive in the order domains finished;
 * the table renders each domain's rows as its batch arrives, yet prints them in the order the domains were asked for.
 */
class CheckReportTest {
    private static final Instant NOW = Instant.parse("2026-12-08T03:00:00Z");

    private static Domain domain(String id, String name, DomainStatus status) {
        return new Domain(id, DomainName.parse(name), status, "ses", NOW, NOW, NOW, null, null,
                Domain.ServiceFields.NONE);
    }

    private static DnsRecord record(String id, String domainId, String name, CheckState state, List<Diagnosis> why) {
        return DnsRecord.fromService(id, domainId, RecordType.TXT, name, "GOOD", null, true, false, null, NOW, NOW)
                .withCheck(state == CheckState.VERIFIED, state, List.of(state == CheckState.VERIFIED ? "GOOD" : "bad"),
                        why, false, NOW);
    }

    private final Domain alpha = domain("d-alpha", "alpha.test", DomainStatus.VERIFIED);
    private final Domain beta = domain("d-beta", "bücher.test", DomainStatus.PENDING);
    private final DnsRecord alphaTxt = record("r1", "d-alpha", "_amazonses.alpha.test", CheckState.VERIFIED, List.of());
    private final DnsRecord betaTxt = record("r2", "d-beta", "_amazonses.xn--bcher-kva.test", CheckState.MISMATCH,
            List.of(new Diagnosis("txt.mismatch", Severity.ERROR, "found bad, expected GOOD")));
    private final DnsRecord betaMx = record("r3", "d-beta", "xn--bcher-kva.test", CheckState.VERIFIED, List.of());

    /** beta finished first, in a batch of its own; alpha came later. */
    private CheckResults stored(boolean table) {
        CheckResults results = new CheckResults(CheckListener.NONE, table);
        results.on(new CheckEvent.Stored(List.of(beta), List.of(betaTxt, betaMx)));
        results.on(new CheckEvent.Stored(List.of(alpha), List.of(alphaTxt)));
        return results;
    }

    private static String print(CheckReport report, boolean json) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
        if (json) {
            report.printJson(stream);
        } else {
            report.printTable(stream);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private CheckReport report(boolean table) {
        return new CheckReport(List.of("d-alpha", "d-beta"), stored(table),
                new CheckSummary(NOW, 2, 2, 1, 0, false, false), Map.of());
    }

    @Test
    void theTableListsTheDomainsInTheOrderAskedWithTheReasonsBelow() throws Exception {
        String[] lines = print(report(true), false).split(System.lineSeparator());
        assertTrue(lines[0].startsWith("DOMAIN"), lines[0]);
        assertTrue(lines[1].startsWith("alpha.test   verified  TXT   _amazonses.alpha.test"), lines[1]);
        assertTrue(lines[2].startsWith("bücher.test  pending   TXT   _amazonses.xn--bcher-kva.test  mismatch"), lines[2]);
        assertTrue(lines[2].endsWith("bad    txt.mismatch"), lines[2]);
        assertTrue(lines[3].startsWith("bücher.test  pending   TXT   xn--bcher-kva.test"), lines[3]);
        assertEquals("", lines[4]);
        assertEquals("Why:", lines[5]);
        assertEquals("  TXT _amazonses.xn--bcher-kva.test: [error] txt.mismatch: found bad, expected GOOD", lines[6]);
        assertEquals("3 records in 2 domains: 2 verified, 1 not verified, 0 DNS errors", lines[8]);
    }

    @Test
    void theJsonDocumentStillCarriesEachRecordInTheOrderAsked() throws Exception {
        JsonNode doc = ServiceJson.mapper().readTree(print(report(false), true));
        assertEquals("alpha.test", doc.get("domains").get(0).get("domain").asText());
        JsonNode records = doc.get("domains").get(1).get("records");
        assertEquals(List.of("r2", "r3"), List.of(records.get(0).get("id").asText(), records.get(1).get("id").asText()));
        assertEquals("txt.mismatch", records.get(0).get("diagnoses").get(0).get("code").asText());
    }
}
