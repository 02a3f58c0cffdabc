package dev.domaindesk.verification;

import java.time.Instant;
import java.util.Optional;

/** The background re-checker as a window sees it ({@link RecheckScheduler}); its events come from its threads. */
public interface BackgroundChecks {

    /** Hears the re-checker's progress (its state, domains of its pass) and every batch it stored. */
    void addListener(CheckListener listener);

    /** When the next record is due (blocking: a store query). */
    Optional<Instant> nextCheckAt();

    /** None: for a window without a re-checker (tests, or before it is wired). */
    BackgroundChecks NONE = new BackgroundChecks() {
        @Override
        public void addListener(CheckListener listener) {
        }

        @Override
        public Optional<Instant> nextCheckAt() {
            return Optional.empty();
        }
    };
}
