package dev.domaindesk.verification.ui;

import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The background re-checker as the status bar sees it (the scheduler behind it); callbacks from any thread. */
public interface BackgroundChecks {

    enum State { IDLE, RUNNING, PAUSED, CANCELLED, OFFLINE }

    interface Listener {
        /** @param retryAt when offline, when DNS is tried again (else null) */
        void progress(State state, int done, int total, Instant retryAt);

        /** Results the re-checker stored. */
        void checked(List<Domain> domains, List<DnsRecord> records);
    }

    void addListener(Listener listener);

    /** When the next record is due (blocking: a store query). */
    Optional<Instant> nextCheckAt();

    /** None: for a window without a scheduler (tests, or before it is wired). */
    BackgroundChecks NONE = new BackgroundChecks() {
        @Override
        public void addListener(Listener listener) {
        }

        @Override
        public Optional<Instant> nextCheckAt() {
            return Optional.empty();
        }
    };
}
