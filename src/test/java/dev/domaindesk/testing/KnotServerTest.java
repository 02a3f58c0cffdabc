package dev.domaindesk.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
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

class KnotServerTest {

    @Test
    void servesReplacesAddsAndBreaksZones(@TempDir Path dir) throws IOException {
        try (KnotServer knot = KnotServer.start(dir, Map.of("example.test", "_v IN TXT \"one\""))) {
            assertEquals(List.of("one"), txt(knot, "_v.example.test"));

            knot.zone("example.test", "_v IN TXT \"two\"");
            assertEquals(List.of("two"), txt(knot, "_v.example.test"));

            knot.zone("other.test", "@ IN TXT \"added\"");
            assertEquals(List.of("added"), txt(knot, "other.test"));

            knot.rawZone("broken.test", "$ORIGIN broken.test.\n@ IN SOA ns1 h 1 2 3 4\n@ IN TXT \"unterminated\n", false);
            assertEquals(Rcode.SERVFAIL, query(knot, "broken.test", Type.TXT).getRcode());
        }
    }

    @Test
    void stopsCleanly(@TempDir Path dir) throws IOException {
        KnotServer knot = KnotServer.start(dir, Map.of("example.test", ""));
        assertEquals(Rcode.NOERROR, query(knot, "example.test", Type.SOA).getRcode());
        knot.close();
        assertThrows(IOException.class, () -> query(knot, "example.test", Type.SOA));
    }

    private static List<String> txt(KnotServer knot, String name) throws IOException {
        return query(knot, name, Type.TXT).getSection(Section.ANSWER).stream()
                .map(r -> String.join("", ((TXTRecord) r).getStrings())).toList();
    }

    private static Message query(KnotServer knot, String name, int type) throws IOException {
        SimpleResolver resolver = new SimpleResolver(knot.address());
        resolver.setTimeout(Duration.ofSeconds(1));
        return resolver.send(Message.newQuery(Record.newRecord(Name.fromString(name + "."), type, DClass.IN)));
    }
}
