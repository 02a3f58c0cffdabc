package dev.domaindesk.verification;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of a check run. The counts are of stored records: a domain in {@code notStored} is in none of them.
 *
 * @param verified    records verified
 * @param notVerified records mismatched or missing
 * @param dnsErrors   records whose check failed on DNS errors (their isVerified unchanged)
 * @param offline     true when at least one query was sent and every one failed at the network level
 *                    (timeouts, unreachable): the machine is probably offline
 * @param cancelled   true when the run was cancelled before it finished
 * @param notStored   domains whose results the store refused (each alone, so the others' were stored), and why
 */
public record CheckSummary(Instant checkedAt, int domains, int verified, int notVerified, int dnsErrors,
                           boolean offline, boolean cancelled, List<NotStored> notStored) {
    public CheckSummary {
        notStored = List.copyOf(notStored);
    }

    public CheckSummary(Instant checkedAt, int domains, int verified, int notVerified, int dnsErrors,
                        boolean offline, boolean cancelled) {
        this(checkedAt, domains, verified, notVerified, dnsErrors, offline, cancelled, List.of());
    }

    public int records() {
        return verified + notVerified + dnsErrors;
    }

    /** A domain whose check results could not be stored: its old state is kept. */
    public record NotStored(String domainId, String domain, String reason) {
    }
}
