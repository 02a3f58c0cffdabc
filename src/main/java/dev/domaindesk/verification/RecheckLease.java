package dev.domaindesk.verification;

/**
 * The right to run background re-checks for every process that shares the store, so that two windows on one data
 * directory do not check the same due records twice. Checks asked for by hand ("check now") need no lease.
 */
public interface RecheckLease {
    /** Takes or renews the right; false while another process has it. */
    boolean hold();

    /** Gives it up, so another process can take it at once. */
    void release();

    /** A process alone with its store. */
    RecheckLease ALONE = new RecheckLease() {
        @Override
        public boolean hold() {
            return true;
        }

        @Override
        public void release() {
        }
    };
}
