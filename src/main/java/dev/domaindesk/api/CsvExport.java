package dev.domaindesk.api;

import dev.domaindesk.api.json.ServiceJson;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.DomainName;
import dev.domaindesk.domains.DomainWithRecords;
import java.io.IOException;
import java.io.Writer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * One CSV row per record, with a header row; quoting by Apache Commons CSV; cells neutralised against formula
 * injection (see {@link #cell}), so the CSV is for people and spreadsheets, the JSON export for exact data. The host column is relative to the
 * zone column (the DNS zone a check learnt); an empty zone means it is not known yet and the host is relative to
 * the domain.
 */
final class CsvExport {
    static final String[] HEADER = {"domain", "domainId", "id", "recordType", "name", "host", "value", "priority",
        "isRequired", "isVerified", "checkState", "lastChecked", "zone"};

    private CsvExport() {
    }

    static void write(Iterable<DomainWithRecords> selection, Writer out) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(HEADER).get();
        CSVPrinter printer = new CSVPrinter(out, format);
        for (DomainWithRecords d : selection) {
            DomainName zone = d.domain().name();
            for (DnsRecord r : d.records()) {
                String host = d.domain().hostOf(r.name());
                printer.printRecord(cell(zone.ascii()), cell(d.domain().id()), cell(r.id()), r.recordType().name(),
                        cell(r.name()), "@".equals(host) ? host : cell(host), cell(r.target()), r.effectivePriority(),
                        r.isRequired(), r.isVerified(), r.checkState().wire(),
                        ServiceJson.format(r.lastChecked()), d.domain().zoneKnown() ? cell(d.domain().zone().ascii()) : "");
            }
        }
        printer.flush();
    }

    /**
     * A cell a spreadsheet would read as a formula (starting with = + - @, a tab or a carriage return) gets a
     * leading ', so it is shown as text (OWASP, CSV Injection). The apex host "@" is left alone: alone it is no
     * formula, and a provider's panel wants it as it is.
     */
    static String cell(String text) {
        return text == null || text.isEmpty() || "=+-@\t\r".indexOf(text.charAt(0)) < 0 ? text : "'" + text;
    }
}
