package dev.domaindesk.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.app.AppContext;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.testing.StoreDump;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Import files an adversary writes: each is refused with the record and field named, and the store is unchanged. */
class HostileImportTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05.678Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    static String document(String domainId, String domain, String records) {
        return """
                {"domainId": "%s", "domain": "%s", "records": [%s]}""".formatted(domainId, domain, records);
    }

    static String txt(String id, String name, String value) {
        return """
                {"id": "%s", "recordType": "TXT", "name": "%s", "value": "%s", "isRequired": true, "isVerified": false}"""
                .formatted(id, name, value);
    }

    /** Imports {@code json} into a store holding two domains; asserts it is refused and returns the message. */
    private String refused(AppContext app, String json) {
        String before = StoreDump.of(app.database());
        ImportException e = assertThrows(ImportException.class, () -> app.importer().importJson(json));
        assertEquals(before, StoreDump.of(app.database()), "a refused import changes nothing");
        return e.getMessage();
    }

    @Test
    void anIdOfOneStoredDomainWithTheNameOfAnotherIsRefusedNamingBoth() {
        try (AppContext app = new AppContext(dir.resolve("data"), CLOCK)) {
            Domain first = app.domains().add("first.example", null).domain();
            Domain second = app.domains().add("second.example", null).domain();
            String message = refused(app, document(first.id(), "second.example",
                    txt("dns_x", "second.example", "hello")));
            assertTrue(message.contains(first.id()) && message.contains("first.example")
                    && message.contains(second.id()) && message.contains("second.example"), message);
            assertEquals(2, app.domains().list().size());
        }
    }

    @Test
    void aListEntryWithAnIdOfOneStoredDomainAndTheNameOfAnotherIsRefusedToo() {
        try (AppContext app = new AppContext(dir.resolve("data"), CLOCK)) {
            Domain first = app.domains().add("first.example", null).domain();
            Domain second = app.domains().add("second.example", null).domain();
            String message = refused(app, """
                    {"data": [{"id": "%s", "domain": "second.example"}]}""".formatted(first.id()));
            assertTrue(message.contains(first.id()) && message.contains("first.example")
                    && message.contains(second.id()) && message.contains("second.example"), message);
        }
    }

    @Test
    void aDomainMayStillBeRenamedOrReimportedUnderItsOwnIdOrName() {
        try (AppContext app = new AppContext(dir.resolve("data"), CLOCK)) {
            Domain first = app.domains().add("first.example", null).domain();
            app.importer().importJson(document(first.id(), "renamed.example", txt("dns_r", "renamed.example", "a")));
            assertEquals(first.id(), app.domains().require("renamed.example").id());
            app.importer().importJson(document("dom_other", "renamed.example", txt("dns_r", "renamed.example", "b")));
            assertEquals("dom_other", app.domains().require("renamed.example").id());
            assertEquals(1, app.domains().list().size());
        }
    }
}
