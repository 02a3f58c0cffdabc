package dev.domaindesk.files;

import static dev.domaindesk.text.SpreadsheetCells.neutralised;

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
                printer.printRecord(neutralised(zone.ascii()), neutralised(d.domain().id()), neutralised(r.id()),
                        r.recordType().name(), neutralised(r.name()), neutralised(host), neutralised(r.target()),
                        r.effectivePriority(), r.isRequired(), r.isVerified(), r.checkState().wire(),
                        ServiceJson.format(r.lastChecked()),
                        d.domain().zoneKnown() ? neutralised(d.domain().zone().ascii()) : "");
            }
        }
        printer.flush();
    }
}
