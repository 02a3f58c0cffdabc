package dev.domaindesk.verification;

import java.time.Instant;

/**
 * The outcome of a check run.
 *
 * @param verified    records verified
 * @param notVerified records mismatched or missing
 * @param dnsErrors   records whose check failed on DNS errors (their isVerified unchanged)
 * @param offline     true when at least one query was sent and every one failed at the network level
 *                    (timeouts, unreachable): the machine is probably offline
 * @param cancelled   true when the run was cancelled before it finished
 */
public record CheckSummary(Instant checkedAt, int domains, int verified, int notVerified, int dnsErrors,
                           boolean offline, boolean cancelled) {
    public int records() {
        return verified + notVerified + dnsErrors;
    }
}
