package dev.domaindesk.verification;

import dev.domaindesk.domains.DomainName;
import dev.domaindesk.verification.dns.DnsAnswer;
import org.xbill.DNS.Name;

/**
 * The zone a domain lives in, from the answer to an SOA question for the domain: the SOA's owner, whether it came
 * as the answer (the domain is a zone apex) or in the authority section of a negative answer (the domain is a
 * name inside its parent's zone). RFC 1034 section 4.3.4 / RFC 2308 section 3 put that SOA there.
 */
final class ZoneApex {
    private ZoneApex() {
    }

    /** The apex, or null when the answer does not tell (a failure, or an SOA that does not enclose the domain). */
    static DomainName of(DomainName domain, DnsAnswer answer) {
        Name zone = answer.failed() ? null : answer.zone();
        if (zone == null) {
            return null;
        }
        try {
            DomainName apex = DomainName.parseRecordName(zone.toString(true));
            return domain.isWithin(apex) ? apex : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
