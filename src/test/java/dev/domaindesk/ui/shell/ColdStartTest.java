package dev.domaindesk.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.domaindesk.domains.DomainWithRecords;
import dev.domaindesk.ui.BadgeIcons;
import dev.domaindesk.ui.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** The background warm-up runs without a toolkit, reads the store only, and tolerates an empty list. */
class ColdStartTest {
    private final Fixtures f = new Fixtures();

    @Test
    void warmsUpFromAListedDomainOrFromNothing() {
        DomainWithRecords example = f.add("example.com");
        assertEquals(BadgeIcons.all(), ColdStart.load(f.domains, example.domain()));
        assertEquals(BadgeIcons.all(), ColdStart.load(f.domains, null));
        assertEquals(example.records(), f.domains.records(example.domain().id()), "the store is only read");
    }
}
