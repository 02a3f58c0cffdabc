package dev.domaindesk.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoInstantsTest {
    @ParameterizedTest
    @ValueSource(strings = {"2024-01-15T10:30:00.000Z", "2024-01-15T10:30:00Z", "2024-02-29T23:59:59.999Z",
        "1970-01-01T00:00:00.000Z", "2024-01-15T10:30:00.123456Z", "2024-01-15T10:30:00.5Z", "+12024-01-15T10:30:00Z",
        "2024-01-15T24:00:00.000Z"})
    void readsWhatInstantParseReads(String text) {
        assertEquals(Instant.parse(text), IsoInstants.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-29T00:00:00.000Z", "2024-13-01T00:00:00.000Z", "2024-01-32T00:00:00Z",
        "2024-01-15T10:60:00Z", "2024-01-15 10:30:00.000Z", "2024-01-15T10:30:00.000",
        "2024-0a-15T10:30:00.000Z", "yesterday", ""})
    void refusesWhatInstantParseRefuses(String text) {
        assertThrows(DateTimeParseException.class, () -> Instant.parse(text));
        assertThrows(DateTimeParseException.class, () -> IsoInstants.parse(text));
    }
}
