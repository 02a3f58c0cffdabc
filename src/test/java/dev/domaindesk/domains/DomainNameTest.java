package dev.domaindesk.domains;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DomainNameTest {

    @ParameterizedTest
    @CsvSource({
        "Example.COM.,example.com",
        "example.com,example.com",
        "  mail.example.org ,mail.example.org",
        "bücher.example,xn--bcher-kva.example",
        "BÜCHER.example.,xn--bcher-kva.example",
        "xn--bcher-kva.example,xn--bcher-kva.example",
        "a-b.c-d.example,a-b.c-d.example",
        "123.example,123.example"
    })
    void acceptsAndNormalises(String input, String ascii) {
        assertEquals(ascii, DomainName.parse(input).ascii());
    }

    /**
     * IDN labels are shown in Unicode for people; RFC 3490, section 4.2: only labels with the ACE prefix change, the
     * others, and names without one, stay.
     */
    @ParameterizedTest
    @CsvSource({
        "xn--bcher-kva.example,bücher.example",
        "mail.xn--bcher-kva.example,mail.bücher.example",
        "xn--bcher-kva.xn--bcher-kva.example,bücher.bücher.example",
        "abxn--c.example,abxn--c.example",
        "mail.example.com,mail.example.com"
    })
    void idnLabelsAreShownInUnicodeForPeople(String ascii, String shown) {
        assertEquals(shown, DomainName.parse(ascii).unicode());
    }

    @Test
    void recordNamesAllowUnderscoresButDomainsDoNot() {
        assertEquals("_dmarc.example.com", DomainName.parseRecordName("_DMARC.example.com.").ascii());
        assertEquals("abc._domainkey.example.com", DomainName.parseRecordName("abc._domainkey.example.com").ascii());
        assertMessage("_dmarc.example.com", "underscore");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|empty",
        "'   '|empty",
        "exa mple.com|whitespace",
        "example.com\tx|whitespace",
        "localhost|single label",
        "-example.com|hyphen",
        "example-.com|hyphen",
        "192.168.1.10|IP address",
        "[2001:db8::1]|IP address",
        "2001:db8::1|IP address",
        "example..com|empty label",
        ".example.com|empty label",
        "exa!mple.com|'!'",
        "user@example.com|after @ (example.com)",
        "https://example.com/|did you mean 'example.com'",
        "http://user@Example.com:8080/path?q|did you mean 'example.com'",
        "example.com/path|did you mean 'example.com'",
        "example.123|numeric"
    })
    void refusesWithAMessageNamingTheProblem(String input, String expected) {
        assertMessage(input, expected);
    }

    @Test
    void refusesLongLabelsAndNames() {
        String label64 = "a".repeat(64);
        assertMessage(label64 + ".com", "at most 63");
        String label63 = "a".repeat(63);
        assertEquals(label63 + ".com", DomainName.parse(label63 + ".com").ascii());
        String name255 = String.join(".", "a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(61)) + ".e";
        assertEquals(255, name255.length());
        assertMessage(name255, "at most 253");
        String name253 = String.join(".", "a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(59)) + ".e";
        assertEquals(253, name253.length());
        assertEquals(name253, DomainName.parse(name253).ascii());
    }

    @Test
    void relativeNamesForProviderPanels() {
        DomainName zone = DomainName.parse("example.com");
        assertEquals("_dmarc", DomainName.parseRecordName("_dmarc.example.com").relativeTo(zone));
        assertEquals("@", zone.relativeTo(zone));
        assertEquals("other.org.", DomainName.parse("other.org").relativeTo(zone));
    }

    private static void assertMessage(String input, String expected) {
        InvalidDomainNameException e = assertThrows(InvalidDomainNameException.class, () -> DomainName.parse(input));
        assertTrue(e.getMessage().contains(expected), () -> "message '" + e.getMessage() + "' lacks '" + expected + "'");
    }
}
