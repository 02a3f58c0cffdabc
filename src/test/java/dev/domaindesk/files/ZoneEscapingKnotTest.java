package dev.domaindesk.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.domaindesk.api.json.ServiceJson;
import dev.domaindesk.app.AppContext;
import dev.domaindesk.testing.KnotServer;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * The zone export, loaded by a real DNS server (Knot), serves exactly the stored TXT values: backslashes and quotes
 * are escaped, and bytes outside printable ASCII written as \DDD (RFC 1035 section 5.1).
 */
class ZoneEscapingKnotTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05.678Z"), ZoneOffset.UTC);
    static final String ZONE = "escape.test";

    @TempDir
    Path dir;

    /** Owner label → TXT value as stored. */
    static Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("backslash", "a\\b");
        values.put("decimal", "C:\\dir\\065");
        values.put("quotes", "say \"hi\" \\\"there\\\"");
        values.put("semicolon", "v=DMARC1; p=none ; comment?");
        values.put("parens", "(open ( close) )");
        values.put("newline", "line1\nline2\r\n\tend");
        values.put("nonascii", "bücher ✓ 日本 \u0000 \u007f");
        values.put("dollar", "$ORIGIN evil.test. @ 3600 IN TXT x");
        values.put("trailing", "ends with a backslash \\");
        // escapes and multi-byte characters on the 255-byte boundaries of the split
        values.put("boundary", "x".repeat(253) + "\\\"" + "é".repeat(200) + "\\" + "\"".repeat(300));
        return values;
    }

    @Test
    void aZoneExportLoadedByKnotServesExactlyTheStoredValues() throws Exception {
        Map<String, String> values = values();
        String zone;
        try (AppContext app = new AppContext(dir.resolve("data"), CLOCK)) {
            app.importer().importJson(document(values));
            StringWriter out = new StringWriter();
            app.exporter().write(app.exporter().select(List.of(ZONE)), ExportFormat.ZONE, true, false, out);
            zone = out.toString();
        }
        try (KnotServer knot = KnotServer.start(dir.resolve("knot"), Map.of(ZONE, zone))) {
            SimpleResolver resolver = new SimpleResolver(knot.address());
            resolver.setTCP(true); // the boundary value is larger than a UDP answer
            for (Map.Entry<String, String> e : values.entrySet()) {
                Message answer = resolver.send(Message.newQuery(
                        Record.newRecord(Name.fromString(e.getKey() + "." + ZONE + "."), Type.TXT, DClass.IN)));
                assertEquals(Rcode.NOERROR, answer.getRcode(), e.getKey() + "\n" + knot.log());
                List<Record> txt = answer.getSection(Section.ANSWER);
                assertEquals(1, txt.size(), e.getKey() + ": one TXT record\n" + zone);
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                for (byte[] s : ((TXTRecord) txt.get(0)).getStringsAsByteArrays()) {
                    assertTrue(s.length <= 255, "a character-string has at most 255 bytes (RFC 1035 3.3)");
                    bytes.write(s);
                }
                assertEquals(e.getValue(), bytes.toString(StandardCharsets.UTF_8), e.getKey() + " as Knot serves it;"
                        + " zone:\n" + zone);
            }
        }
    }

    static String document(Map<String, String> values) {
        ObjectNode doc = ServiceJson.mapper().createObjectNode();
        doc.put("domainId", "dom_escape");
        doc.put("domain", ZONE);
        ArrayNode records = doc.putArray("records");
        values.forEach((owner, value) -> records.addObject().put("id", "dns_" + owner).put("recordType", "TXT")
                .put("name", owner + "." + ZONE).put("value", value).put("isRequired", true)
                .put("isVerified", false));
        return doc.toString();
    }
}
