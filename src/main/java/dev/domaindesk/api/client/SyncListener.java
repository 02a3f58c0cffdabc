package dev.domaindesk.api.client;

/** Follows a sync: called from background threads (never the FX thread); a window must hop to its own thread. */
public interface SyncListener {
    SyncListener NONE = new SyncListener() {
    };

    /** What a sync is doing now. */
    enum Phase { LISTING, RECORDS, WRITING }

    /** @param total how many there are to do, or -1 while unknown */
    default void progress(Phase phase, int done, int total) {
    }

    /** Polled between requests; true stops the sync with nothing stored. */
    default boolean cancelled() {
        return false;
    }
}
