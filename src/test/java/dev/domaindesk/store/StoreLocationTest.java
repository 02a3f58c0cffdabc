package dev.domaindesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a store URL may be (decision 0015): PostgreSQL's JDBC URL, never with a password, which is never echoed. */
class StoreLocationTest {
    @Test
    void aPostgresqlUrlWithAUserIsAccepted() {
        StoreLocation at = StoreLocation.of(" jdbc:postgresql://db.example.com:5432/domaindesk?user=alice&ssl=true ");
        assertFalse(at.isEmbedded());
        assertEquals("alice", at.user());
        assertEquals("jdbc:postgresql://db.example.com:5432/domaindesk?user=alice&ssl=true", at.url());
        assertTrue(StoreLocation.embedded().isEmbedded());
    }

    @Test
    void aPasswordAnywhereInTheUrlIsRefusedWithoutRepeatingIt() {
        for (String url : List.of("jdbc:postgresql://db/dd?user=a&password=S3cr3t-x",
                "jdbc:postgresql://db/dd?PASSWORD=S3cr3t-x", "jdbc:postgresql://db/dd?pass%77ord=S3cr3t-x",
                "jdbc:postgresql://db/dd?sslpassword=S3cr3t-x", "jdbc:postgresql://a:S3cr3t-x@db/dd")) {
            StoreException e = assertThrows(StoreException.class, () -> StoreLocation.of(url), url);
            assertTrue(e.getMessage().contains("password"), e.getMessage());
            assertFalse(e.getMessage().contains("S3cr3t-x"), e.getMessage());
        }
    }

    @Test
    void otherUrlsAreRefusedByName() {
        assertTrue(assertThrows(StoreException.class, () -> StoreLocation.of("jdbc:h2:file:/tmp/x")).getMessage()
                .contains("unsupported store URL"));
        assertTrue(assertThrows(StoreException.class, () -> StoreLocation.of("")).getMessage().contains("empty"));
        StoreException secretInOther = assertThrows(StoreException.class,
                () -> StoreLocation.of("jdbc:mysql://u:Zz-secret@db/x?password=Zz-secret"));
        assertFalse(secretInOther.getMessage().contains("Zz-secret"), secretInOther.getMessage());
    }

    @Test
    void credentialsComeFromTheEnvironmentAndNeverShowInText() {
        StoreCredentials c = StoreCredentials.from(Map.of("PGPASSWORD", "pg-pw", "DOMAINDESK_STORE_PASSWORD", "dd-pw",
                "PGUSER", "bob"), null);
        assertEquals("dd-pw", new String(c.password()));
        assertEquals("DOMAINDESK_STORE_PASSWORD", c.passwordSource());
        assertEquals("bob", c.user());
        assertFalse(c.toString().contains("dd-pw"), c.toString());
        assertEquals("PGPASSWORD", StoreCredentials.from(Map.of("PGPASSWORD", "pg-pw"), null).passwordSource());
        assertEquals(null, StoreCredentials.from(Map.of(), () -> null).password());
    }
}
