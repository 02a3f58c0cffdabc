package dev.domaindesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/** `import` of a hostile file at the command line: exit 2, one line naming record and field, nothing changed. */
class HostileImportCliTest {
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
        int code = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), CLOCK).run(argv.toArray(String[]::new));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "id of one, name of another|dom_a|b.example|TXT|hello|domain b.example with id dom_a: that id belongs to the stored domain a.example",
        "MX preference|dom_n|n.example|MX|99999999999 mx.n.example|field 'value': the MX preference 99999999999 is not from 0 to 65535",
        "CNAME empty label|dom_n|n.example|CNAME|x..n.example|field 'value': the CNAME target 'x..n.example' has an empty label",
        "record id of another domain|dom_n|n.example|TXT|dns_a|record id dns_a already belongs to another stored domain, a.example (id dom_a)"
    })
    void aHostileImportExitsTwoWithOneLineAndTheExportsStillWork(String label, String domainId, String domain,
                                                                  String type, String value, String expected)
            throws Exception {
        Path good = dir.resolve("good.json");
        Files.writeString(good, """
                [{"domainId": "dom_a", "domain": "a.example", "records": [{"id": "dns_a", "recordType": "TXT",
                  "name": "a.example", "value": "a", "isRequired": true, "isVerified": false}]},
                 {"domainId": "dom_b", "domain": "b.example", "records": []}]""");
        assertEquals(0, run("import", good.toString()).code());
        String before = run("export", "--format", "json").out();
        Path hostile = dir.resolve("hostile.json");
        String recordId = value.equals("dns_a") ? "dns_a" : "dns_h";
        Files.writeString(hostile, """
                {"domainId": "%s", "domain": "%s", "records": [{"id": "%s", "recordType": "%s", "name": "%s",
                 "value": "%s", "isRequired": true, "isVerified": false}]}"""
                .formatted(domainId, domain, recordId, type, domain, value.equals("dns_a") ? "x" : value));

        Result r = run("import", hostile.toString());

        assertEquals(2, r.code(), label + ": " + r.err());
        assertEquals(1, r.err().lines().count(), label + ": one line, no stack trace: " + r.err());
        assertTrue(r.err().startsWith("domaindesk: hostile.json: ") && r.err().contains(expected)
                && r.err().strip().endsWith("nothing was imported"), label + ": " + r.err());
        assertEquals(before, run("export", "--format", "json").out(), "nothing changed");
        for (String format : List.of("zone", "csv", "json")) {
            assertEquals(0, run("export", "--format", format).code(), format);
        }
    }
}
