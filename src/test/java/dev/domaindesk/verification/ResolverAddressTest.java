package dev.domaindesk.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResolverAddressTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"1.1.1.1,1.1.1.1,53", "127.0.0.1:5353,127.0.0.1,5353", "[::1]:5300,0:0:0:0:0:0:0:1,5300",
        "::1,0:0:0:0:0:0:0:1,53", "' 9.9.9.9 ',9.9.9.9,53", "[2001:db8::1],2001:db8:0:0:0:0:0:1,53"})
    void parsesWhatAdminsWrite(String text, String host, int port) {
        InetSocketAddress a = ResolverAddress.parse(text);
        assertEquals(host, a.getAddress().getHostAddress());
        assertEquals(port, a.getPort());
    }

    @ParameterizedTest(name = "refuses \"{0}\"")
    @ValueSource(strings = {"", "127.0.0.1:0", "127.0.0.1:70000", "127.0.0.1:dns", "[::1", "[::1]x"})
    void refusesWithAMessageNamingTheInput(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ResolverAddress.parse(text));
        assertTrue(text.isEmpty() || e.getMessage().contains(text), e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void aSettingListsSeveralAndBlankMeansTheSystems() {
        assertEquals(List.of(), ResolverAddress.parseList("  "));
        assertEquals(2, ResolverAddress.parseList("1.1.1.1, 127.0.0.1:5353").size());
    }
}
