package dev.domaindesk.verification.dns;

import java.io.IOException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** Turns a DNS response or a failure into a {@link DnsAnswer}. */
final class Answers {
    private Answers() {
    }

    static DnsAnswer of(Message response, int type) {
        int rcode = response.getRcode();
        if (rcode == Rcode.NXDOMAIN) {
            return new DnsAnswer(DnsAnswer.Outcome.NXDOMAIN, response.getSection(Section.ANSWER), negativeTtl(response), "",
                    zone(response));
        }
        if (rcode == Rcode.SERVFAIL) {
            return DnsAnswer.failure(DnsAnswer.Outcome.SERVFAIL, "the server answered SERVFAIL");
        }
        if (rcode == Rcode.REFUSED) {
            return DnsAnswer.failure(DnsAnswer.Outcome.REFUSED, "the server refused the query (REFUSED)");
        }
        if (rcode != Rcode.NOERROR) {
            return DnsAnswer.failure(DnsAnswer.Outcome.SERVFAIL, "the server answered " + Rcode.string(rcode));
        }
        var answer = response.getSection(Section.ANSWER);
        boolean data = false;
        for (Record r : answer) { // a loop: every answer of a check passes here, and C1 leaves a stream's calls in place
            if (r.getType() == type || r.getType() == Type.CNAME) {
                data = true;
                break;
            }
        }
        return data ? new DnsAnswer(DnsAnswer.Outcome.DATA, answer, 0, "", zone(response))
                : new DnsAnswer(DnsAnswer.Outcome.NODATA, answer, negativeTtl(response), "", zone(response));
    }

    static DnsAnswer of(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof SocketTimeoutException || cause instanceof TimeoutException) {
            return DnsAnswer.failure(DnsAnswer.Outcome.TIMEOUT, "timed out");
        }
        if (cause instanceof PortUnreachableException) {
            return DnsAnswer.failure(DnsAnswer.Outcome.NETWORK, "no DNS server listens on that address and port");
        }
        String what = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        if (cause instanceof IOException) {
            return DnsAnswer.failure(DnsAnswer.Outcome.NETWORK, "network error: " + what);
        }
        return DnsAnswer.failure(DnsAnswer.Outcome.NETWORK, "query failed: " + what);
    }

    /** The owner of the SOA in the answer (an SOA question) or the authority section (a negative answer). */
    private static Name zone(Message response) {
        for (int section : new int[] {Section.ANSWER, Section.AUTHORITY}) {
            for (Record r : response.getSection(section)) {
                if (r instanceof SOARecord) {
                    return r.getName();
                }
            }
        }
        return null;
    }

    /** RFC 2308: a negative answer may be cached for the smaller of the SOA's TTL and its minimum field. */
    private static long negativeTtl(Message response) {
        for (Record r : response.getSection(Section.AUTHORITY)) {
            if (r instanceof SOARecord soa) {
                return Math.min(soa.getTTL(), soa.getMinimum());
            }
        }
        return 0;
    }
}
