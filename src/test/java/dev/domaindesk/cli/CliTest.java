package dev.domaindesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.domaindesk.api.json.ServiceJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
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

class CliTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05.678Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> argv = new ArrayList<>(List.of("--data-dir", dir.resolve("data").toString()));
        argv.addAll(List.of(args));
        int code = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                CLOCK).run(argv.toArray(String[]::new));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void addPrintsTheDnsRecordsDocument() throws Exception {
        Result r = run("add", "Example.COM.");
        assertEquals(0, r.code(), r.err());
        JsonNode doc = ServiceJson.mapper().readTree(r.out());
        assertEquals("example.com", doc.get("domain").asText());
        assertEquals(9, doc.get("records").size());
        assertEquals(doc.get("domainId"), doc.get("records").get(0).get("domainId"));
    }

    @Test
    void badInputExitsTwoWithTheReasonAndStoresNothing() {
        Result r = run("add", "https://example.com/");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("did you mean 'example.com'"), r.err());
        assertEquals("", r.out());
        Result list = run("list");
        assertEquals(0, list.code());
        assertEquals(1, list.out().lines().count(), "only the header: " + list.out());
        assertEquals(2, run("add", "example.com", "--profile").code());
        assertEquals(2, run("frobnicate").code());
        assertEquals(2, run("export").code());
        assertEquals(2, run("export", "--format", "xml").code());
    }

    @Test
    void unknownDomainsExitFour() {
        assertEquals(4, run("records", "nope.example").code());
        Result r = run("remove", "dom_missing");
        assertEquals(4, r.code());
        assertTrue(r.err().contains("no domain 'dom_missing'"), r.err());
        assertEquals(4, run("export", "nope.example", "--format", "json").code());
    }

    @Test
    void listRecordsRemoveAndListJson() throws Exception {
        run("add", "bücher.example");
        run("add", "example.org");
        Result table = run("list");
        assertTrue(table.out().contains("bücher.example"), table.out());
        assertTrue(table.out().contains("0/9"), table.out());
        Result records = run("records", "xn--bcher-kva.example");
        assertEquals(0, records.code());
        assertTrue(records.out().contains("_dmarc.xn--bcher-kva.example"));
        JsonNode list = ServiceJson.mapper().readTree(run("list", "--json").out());
        assertEquals(2, list.get("data").size());
        assertEquals(2, list.get("pagination").get("total").asInt());
        assertEquals(2, list.get("meta").get("statusBreakdown").get("pending").asInt());
        Result removed = run("remove", "example.org");
        assertEquals(0, removed.code());
        assertTrue(removed.out().contains("its 9 records"), removed.out());
        assertEquals(1, ServiceJson.mapper().readTree(run("list", "--json").out()).get("data").size());
    }

    @Test
    void exportToAFileThenImportElsewhere() throws Exception {
        run("add", "example.com");
        Path file = dir.resolve("out.json");
        Result export = run("export", "example.com", "--format", "json", "--output", file.toString());
        assertEquals(0, export.code(), export.err());
        assertEquals("example.com", ServiceJson.mapper().readTree(Files.readString(file)).get("domain").asText());
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"domainId\": \"d\", \"domain\": \"x.example\", \"records\": [ {\"id\": 5} ]}");
        Result bad = run("import", broken.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("broken.json: document (x.example) records[0]: field 'id' must be a non-empty string"),
                bad.err());
        assertTrue(bad.err().contains("nothing was imported"), bad.err());
        Result again = run("import", file.toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("0 new, 1 updated"), again.out());
    }
}
