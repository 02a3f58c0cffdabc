package dev.domaindesk.verification.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Names compare without case (RFC 4343), without the root's trailing dot, and in their ASCII (A-label) form. */
class NamesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "_dmarc.example.test          | _dmarc.example.test",
            "_DMARC.Example.TEST.         | _dmarc.example.test",
            "'  mail.example.test  '      | mail.example.test",
            "'\tmail.example.test.\n'     | mail.example.test",
            "bücher.example               | xn--bcher-kva.example",
            "BÜCHER.example.              | xn--bcher-kva.example"})
    void aNameIsComparedInItsNormalForm(String written, String normal) {
        assertEquals(normal, Names.normalize(written));
    }

    @Test
    void aNormalNameIsReturnedAsItIs() {
        String name = "selector1._domainkey.example.test";
        assertSame(name, Names.normalize(name));
    }

    @Test
    void controlCharactersThatAreNotBlankStayInTheName() {
        assertEquals("a\u0001b.example", Names.normalize("a\u0001b.example"));
        assertEquals("a\u001fb.example", Names.normalize("a\u001Fb.example"), "U+001F is a Java whitespace, inside a name");
    }

    @Test
    void sameComparesNormalForms() {
        assertTrue(Names.same("Feedback-SMTP.us-east-1.amazonses.com.", "feedback-smtp.us-east-1.amazonses.com"));
        assertFalse(Names.same("mail.example.test", "mail.example.test.example.test"));
    }
}
