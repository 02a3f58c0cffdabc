package dev.domaindesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainStatus;
import dev.domaindesk.ui.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CheckFeedTest {
    private final Fixtures f = new Fixtures();
    private final CheckFeed feed = new CheckFeed();

    @Test
    void aBatchOfResultsIsOneChangeOfTheCheckingSetHoweverManyDomainsItFinishes() {
        List<Domain> domains = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            domains.add(f.add("d" + i + ".example").domain());
        }
        List<Long> changes = new ArrayList<>();
        feed.checkingChangesProperty().addListener((obs, old, now) -> changes.add(now.longValue()));

        feed.startChecking(domains.stream().map(Domain::id).toList());
        assertEquals(1, changes.size());
        assertEquals(5, feed.checking().size());

        feed.publish(domains.subList(0, 3).stream().map(d -> Fixtures.withStatus(d, DomainStatus.VERIFIED, Fixtures.NOW)).toList(),
                List.of());
        assertEquals(2, changes.size(), "three domains finished in one batch: one change");
        assertEquals(Set.of(domains.get(3).id(), domains.get(4).id()), feed.checking());

        feed.publish(domains.subList(0, 1), List.of());
        assertEquals(2, changes.size(), "results for a domain no longer being checked change nothing");

        feed.stopChecking();
        assertEquals(3, changes.size());
        assertEquals(Set.of(), feed.checking());
        feed.stopChecking();
        assertEquals(3, changes.size(), "stopping when nothing is checked is no change");
    }

    @Test
    void theCheckingSetIsReadOnlyForListeners() {
        feed.startChecking(List.of("dom_a"));
        assertThrows(UnsupportedOperationException.class, () -> feed.checking().clear());
    }
}
