package dev.domaindesk.verification.dns;

import java.io.IOException;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;
import org.xbill.DNS.WireParseException;

/**
 * A question as the datagram dnsjava's {@code SimpleResolver} sends (recursion desired, EDNS(0) with a 1,280-byte
 * payload), built directly: {@code Message.toWire} copies the message and builds a compression table for the one
 * name, which cost a bulk check more than the send's own work (decision 0019). The answer gets the checks
 * {@code SimpleResolver} makes of it.
 */
final class WireQuery {
    /** dnsjava's {@code SimpleResolver.DEFAULT_EDNS_PAYLOADSIZE}: larger answers come truncated and go to TCP. */
    static final int EDNS_PAYLOAD = 1280;
    private static final int HEADER = 12;
    private static final int OPT_RECORD = 11;

    private WireQuery() {
    }

    /** The query for {@code name} (absolute) and {@code type}, class IN, with message ID 0. */
    static byte[] encode(Name name, int type) {
        // the name in lower case, copied in one go: Name.toWire builds a Name for each of its suffixes. DNS names
        // compare without case (RFC 4343), and the answer's question is checked that way
        byte[] qname = name.toWireCanonical();
        byte[] out = new byte[HEADER + qname.length + 4 + OPT_RECORD];
        out[2] = 0x01; // flags: RD
        out[5] = 1; // QDCOUNT
        out[11] = 1; // ARCOUNT: the OPT record
        System.arraycopy(qname, 0, out, HEADER, qname.length);
        int i = HEADER + qname.length;
        i = putShort(out, i, type);
        i = putShort(out, i, DClass.IN);
        i++; // the OPT record's owner: the root
        i = putShort(out, i, Type.OPT);
        putShort(out, i, EDNS_PAYLOAD); // its class field carries the payload size; TTL (extended flags) and length 0
        return out;
    }

    private static int putShort(byte[] out, int at, int value) {
        out[at] = (byte) (value >>> 8);
        out[at + 1] = (byte) value;
        return at + 2;
    }

    /**
     * The answer to {@code name}/{@code type}: parsed, and refused unless its question is the one asked (RFC 5452,
     * section 9.1). A truncated answer is returned as it is; the caller asks again over TCP.
     */
    static Message decode(byte[] answer, Name name, int type) throws IOException {
        Message response = new Message(answer);
        Record question = response.getQuestion();
        if (question == null) {
            throw new WireParseException("the answer has no question");
        }
        if (!name.equals(question.getName()) || question.getType() != type || question.getDClass() != DClass.IN) {
            throw new WireParseException("the answer is for " + question.getName() + "/"
                    + Type.string(question.getType()) + ", not " + name + "/" + Type.string(type));
        }
        return response;
    }
}
