package dev.domaindesk.verification.dns;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * What one DNS question got: data, a negative answer, or a failure.
 *
 * @param records     the answer section (a CNAME chain first when the name is an alias)
 * @param negativeTtl for NXDOMAIN/NODATA, how long a resolver may cache the negative answer (SOA minimum), else 0
 * @param detail      for failures, what went wrong in a few words
 * @param zone        the apex of the zone that answered (the owner of an SOA in the answer or authority section),
 *                    null when the response carried none
 */
public record DnsAnswer(Outcome outcome, List<Record> records, long negativeTtl, String detail, Name zone) {

    /** How a question ended. The last four are failures: nothing is known about the name. */
    public enum Outcome { DATA, NODATA, NXDOMAIN, TIMEOUT, SERVFAIL, REFUSED, NETWORK }

    public DnsAnswer {
        records = records == null ? List.of() : List.copyOf(records);
        detail = detail == null ? "" : detail;
    }

    public static DnsAnswer failure(Outcome outcome, String detail) {
        return new DnsAnswer(outcome, List.of(), 0, detail, null);
    }

    public boolean failed() {
        return outcome.ordinal() >= Outcome.TIMEOUT.ordinal();
    }

    /** True for a failure at the network level (no answer at all), as opposed to a server's error answer. */
    public boolean networkFailure() {
        return outcome == Outcome.TIMEOUT || outcome == Outcome.NETWORK;
    }

    public boolean negative() {
        return outcome == Outcome.NODATA || outcome == Outcome.NXDOMAIN;
    }

    /** The records of {@code type} in the answer (whatever their owner, so data behind a CNAME counts). */
    public List<Record> ofType(int type) {
        int matching = 0;
        for (Record r : records) {
            matching += r.getType() == type ? 1 : 0;
        }
        if (matching == records.size()) {
            return records; // the usual answer: only the type asked for (or nothing); rules ask this many times
        }
        List<Record> result = new ArrayList<>(matching);
        for (Record r : records) {
            if (r.getType() == type) {
                result.add(r);
            }
        }
        return Collections.unmodifiableList(result);
    }

    /** The CNAME records in the answer, if the asked name is an alias. */
    public List<CNAMERecord> aliases() {
        List<CNAMERecord> result = null;
        for (Record r : records) {
            if (r instanceof CNAMERecord alias) {
                if (result == null) {
                    result = new ArrayList<>(2);
                }
                result.add(alias);
            }
        }
        return result == null ? List.of() : Collections.unmodifiableList(result);
    }
}
