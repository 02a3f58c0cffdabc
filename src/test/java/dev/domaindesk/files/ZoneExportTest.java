package dev.domaindesk.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.app.AppContext;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

class ZoneExportTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05.678Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void aLongTxtIsSplitIntoQuoted255ByteStringsThatAZoneParserJoinsBack() throws Exception {
        String dkim = "v=DKIM1; k=rsa; p=" + "A".repeat(400 - 18);
        assertEquals(400, dkim.length());
        String doc = """
                {"domainId": "dom_z", "domain": "example.com", "records": [
                  {"id": "dns_k", "recordType": "TXT", "name": "sel._domainkey.example.com", "value": "%s",
                   "isRequired": true, "isVerified": false},
                  {"id": "dns_m", "recordType": "MX", "name": "example.com", "value": "10 inbound-smtp.us-east-1.amazonaws.com",
                   "isRequired": true, "isVerified": false}]}""".formatted(dkim);
        try (AppContext app = new AppContext(dir.resolve("data"), CLOCK)) {
            app.importer().importJson(doc);
            String relative = zone(app, false);
            String line = relative.lines().filter(l -> l.startsWith("sel._domainkey ")).findFirst().orElseThrow();
            assertTrue(line.contains("\"" + dkim.substring(0, 255) + "\" \"" + dkim.substring(255) + "\""), line);
            assertTrue(relative.contains("$ORIGIN example.com."));
            assertTrue(relative.lines().anyMatch(l -> l.matches("@\\s+3600 IN MX\\s+10 inbound-smtp\\.us-east-1\\.amazonaws\\.com\\.")));

            List<Record> parsed = parse(relative, dir.resolve("relative.zone"));
            TXTRecord txt = (TXTRecord) parsed.stream().filter(r -> r.getType() == Type.TXT).findFirst().orElseThrow();
            assertEquals(Name.fromString("sel._domainkey.example.com."), txt.getName());
            assertEquals(List.of(dkim.substring(0, 255), dkim.substring(255)), txt.getStrings());
            assertEquals(dkim, String.join("", txt.getStrings()));

            String absolute = zone(app, true);
            assertTrue(absolute.contains("sel._domainkey.example.com. "), absolute);
            assertEquals(2, parse(absolute, dir.resolve("absolute.zone")).size());
        }
    }

    private static String zone(AppContext app, boolean absolute) throws Exception {
        StringWriter out = new StringWriter();
        app.exporter().write(app.exporter().select(List.of("example.com")), ExportFormat.ZONE, true, absolute, out);
        return out.toString();
    }

    private static List<Record> parse(String zone, Path file) throws Exception {
        Files.writeString(file, zone, StandardCharsets.UTF_8);
        List<Record> records = new ArrayList<>();
        try (Master master = new Master(file.toString(), Name.root)) {
            Record r;
            while ((r = master.nextRecord()) != null) {
                records.add(r);
            }
        }
        return records;
    }
}
