package dev.domaindesk.history.ui;

import dev.domaindesk.history.HistoryEntry;
import java.util.List;

/** What the history pane needs of the history service. Blocks: the view model calls it in the background. */
@FunctionalInterface
public interface HistorySource {
    HistorySource NONE = domainId -> List.of();

    /** Every entry of the domain's records, by record, oldest first. */
    List<HistoryEntry> ofDomain(String domainId);
}
