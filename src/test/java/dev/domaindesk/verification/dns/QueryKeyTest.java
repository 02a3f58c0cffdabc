package dev.domaindesk.verification.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/** A question is the same question whatever the case of its name (RFC 4343), and only to the same place. */
class QueryKeyTest {
    private static final InetSocketAddress SERVER = new InetSocketAddress("127.0.0.1", 5353);

    private static Name name(String n) throws Exception {
        return Name.fromString(n);
    }

    @Test
    void namesDifferingOnlyInCaseAskTheSameQuestion() throws Exception {
        QueryKey lower = new QueryKey(name("_dmarc.example.test."), Type.TXT, null);
        QueryKey upper = new QueryKey(name("_DMARC.Example.TEST."), Type.TXT, null);
        assertEquals(lower, upper);
        assertEquals(lower.hashCode(), upper.hashCode());
        assertEquals(new QueryKey(name("example.test."), Type.MX, SERVER), new QueryKey(name("EXAMPLE.test."), Type.MX,
                new InetSocketAddress("127.0.0.1", 5353)));
    }

    @Test
    void anotherTypeNameOrPlaceIsAnotherQuestion() throws Exception {
        QueryKey key = new QueryKey(name("example.test."), Type.TXT, null);
        assertNotEquals(key, new QueryKey(name("example.test."), Type.MX, null));
        assertNotEquals(key, new QueryKey(name("www.example.test."), Type.TXT, null));
        assertNotEquals(key, new QueryKey(name("example.test."), Type.TXT, SERVER));
        assertNotEquals(new QueryKey(name("example.test."), Type.TXT, SERVER), key);
        assertNotEquals(key, null);
    }
}
