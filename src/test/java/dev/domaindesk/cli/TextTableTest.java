package dev.domaindesk.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A table is printed the same through standard output (encoded a chunk at a time) as through any PrintStream. */
class TextTableTest {
    private static TextTable table(int rows) {
        TextTable t = new TextTable("DOMAIN", "NAME", "FOUND");
        t.row("bücher.example", "x".repeat(300), "v=spf1 -all"); // a column wider than one run of padding
        for (int i = 0; i < rows; i++) {
            t.row("d" + i + ".example", "_amazonses.d" + i + ".example", null);
        }
        return t;
    }

    @Test
    void standardOutputGetsWhatAPrintStreamGetsInItsEncoding() {
        for (Charset charset : List.of(StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1)) {
            ByteArrayOutputStream viaPrint = new ByteArrayOutputStream();
            table(5_000).print(new PrintStream(viaPrint, true, charset));
            ByteArrayOutputStream viaStandard = new ByteArrayOutputStream();
            StandardOutput standard = StandardOutput.over(viaStandard, charset);
            standard.print("before\n");
            table(5_000).print(standard); // more than one chunk
            standard.print("after\n");
            standard.flush();
            String expected = "before\n" + viaPrint.toString(charset) + "after\n";
            assertArrayEquals(expected.getBytes(charset), viaStandard.toByteArray(), charset.name());
        }
    }

    @Test
    void columnsArePaddedToTheirWidestCellPlusTwo() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        table(0).print(new PrintStream(out, true, StandardCharsets.UTF_8));
        String[] lines = out.toString(StandardCharsets.UTF_8).split(System.lineSeparator());
        assertEquals("DOMAIN" + " ".repeat(10) + "NAME" + " ".repeat(298) + "FOUND", lines[0]);
        assertEquals("bücher.example  " + "x".repeat(300) + "  v=spf1 -all", lines[1]);
    }
}
