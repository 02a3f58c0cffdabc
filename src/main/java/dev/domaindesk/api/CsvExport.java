package dev.domaindesk.api;

import dev.domaindesk.api.json.ServiceJson;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.DomainName;
import dev.domaindesk.domains.DomainWithRecords;
import java.io.IOException;
import java.io.Writer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** One CSV row per record, with a header row; quoting by Apache Commons CSV. */
final class CsvExport {
    static final String[] HEADER = {"domain", "domainId", "id", "recordType", "name", "host", "value", "priority",
        "isRequired", "isVerified", "checkState", "lastChecked"};

    private CsvExport() {
    }

    static void write(Iterable<DomainWithRecords> selection, Writer out) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(HEADER).get();
        CSVPrinter printer = new CSVPrinter(out, format);
        for (DomainWithRecords d : selection) {
            DomainName zone = d.domain().name();
            for (DnsRecord r : d.records()) {
                printer.printRecord(zone.ascii(), d.domain().id(), r.id(), r.recordType().name(), r.name(),
                        DomainName.parseRecordName(r.name()).relativeTo(zone), r.target(), r.effectivePriority(),
                        r.isRequired(), r.isVerified(), r.checkState().wire(),
                        ServiceJson.format(r.lastChecked()));
            }
        }
        printer.flush();
    }
}
