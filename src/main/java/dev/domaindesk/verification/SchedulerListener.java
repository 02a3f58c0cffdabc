package dev.domaindesk.verification;

import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import java.util.List;

/** Hears the background re-checker; called from its threads, so a UI must hand over to its own thread. */
public interface SchedulerListener {

    default void progress(SchedulerProgress progress) {
    }

    /** A batch of results was stored: the domains as they now stand and their checked records. */
    default void checked(List<Domain> domains, List<DnsRecord> records) {
    }

    /** A domain that was not verified became verified. */
    default void domainVerified(Domain domain) {
    }

    /** A record that was verified is now missing or wrong (a DNS error is not a regression). */
    default void recordRegressed(Domain domain, DnsRecord record) {
    }
}
