package dev.domaindesk.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.domaindesk.api.json.ServiceJson;
import dev.domaindesk.app.AppContext;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CSV export opened in a spreadsheet never runs a formula: a cell starting with = + - @, a tab or a carriage
 * return gets a leading ' (OWASP, CSV Injection). The JSON export keeps every value exact.
 */
class CsvInjectionTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05.678Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    /** Record id → TXT value. */
    static Map<String, String> hostile() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("=id1", "=cmd|' /C calc'!A0");
        values.put("+id2", "+1+2");
        values.put("-id3", "-2+3");
        values.put("@id4", "@SUM(1+1)*cmd|' /C calc'!A0");
        values.put("\tid5", "\t=1+1");
        values.put("\rid6", "\r=1+1");
        values.put("id7", "v=spf1 include:amazonses.com -all");
        return values;
    }

    @Test
    void formulaCellsGetALeadingQuoteInCsvAndStayExactInJson() throws Exception {
        Map<String, String> values = hostile();
        try (AppContext app = new AppContext(dir.resolve("data"), CLOCK)) {
            app.importer().importJson(document("=dom", values));
            List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(export(app, ExportFormat.CSV))).getRecords();
            assertEquals(values.size(), rows.size());
            int i = 0;
            for (Map.Entry<String, String> e : values.entrySet()) {
                CSVRecord row = rows.get(i++);
                assertEquals(neutral(e.getKey()), row.get("id"));
                assertEquals(neutral(e.getValue()), row.get("value"));
                assertEquals("'=dom", row.get("domainId"));
                assertEquals("hostile.example", row.get("domain"));
                assertEquals("@", row.get("host"), "the apex host: a lone @ is no formula and a provider's panel wants it");
            }
            JsonNode json = ServiceJson.mapper().readTree(export(app, ExportFormat.JSON));
            assertEquals("=dom", json.get("domainId").asText());
            i = 0;
            for (Map.Entry<String, String> e : values.entrySet()) {
                JsonNode r = json.get("records").get(i++);
                assertEquals(e.getKey(), r.get("id").asText());
                assertEquals(e.getValue(), r.get("value").asText());
            }
        }
    }

    private static String neutral(String cell) {
        return cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0 ? cell : "'" + cell;
    }

    private static String export(AppContext app, ExportFormat format) throws Exception {
        StringWriter out = new StringWriter();
        app.exporter().write(app.exporter().select(List.of("hostile.example")), format, true, false, out);
        return out.toString();
    }

    static String document(String domainId, Map<String, String> values) {
        ObjectNode doc = ServiceJson.mapper().createObjectNode();
        doc.put("domainId", domainId);
        doc.put("domain", "hostile.example");
        ArrayNode records = doc.putArray("records");
        values.forEach((id, value) -> records.addObject().put("id", id).put("recordType", "TXT")
                .put("name", "hostile.example").put("value", value).put("isRequired", true).put("isVerified", false));
        return doc.toString();
    }
}
