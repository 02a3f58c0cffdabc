package dev.domaindesk.verification.dns;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;
import org.xbill.DNS.WireParseException;
import org.xbill.DNS.io.IoClientFactory;
import org.xbill.DNS.io.TcpIoClient;
import org.xbill.DNS.io.UdpIoClient;

/** The question's datagram is the one dnsjava's resolver sends; an answer to another question is refused. */
class WireQueryTest {
    private static final Name NAME = Name.fromConstantString("_amazonses.example.com.");

    /** The datagram is the one dnsjava's own resolver hands its UDP client for the same question (ID aside). */
    @Test
    void theDatagramIsWhatDnsjavasResolverSends() throws IOException {
        for (int type : new int[] {Type.TXT, Type.MX, Type.CNAME, Type.SOA}) {
            byte[] sent = sentBySimpleResolver(NAME, type);
            sent[0] = 0;
            sent[1] = 0;
            assertArrayEquals(sent, WireQuery.encode(NAME, type), Type.string(type));
        }
        // the name goes out in lower case: DNS compares names without case (RFC 4343 section 3)
        assertArrayEquals(WireQuery.encode(NAME, Type.TXT),
                WireQuery.encode(Name.fromConstantString("_amazonses.Example.COM."), Type.TXT));
        Message parsed = new Message(WireQuery.encode(NAME, Type.MX));
        assertTrue(parsed.getHeader().getFlag(Flags.RD), "recursion desired");
        assertEquals(WireQuery.EDNS_PAYLOAD, parsed.getOPT().getPayloadSize());
    }

    private static byte[] sentBySimpleResolver(Name name, int type) {
        CompletableFuture<byte[]> sent = new CompletableFuture<>();
        SimpleResolver resolver = new SimpleResolver(new InetSocketAddress(InetAddress.getLoopbackAddress(), 53));
        resolver.setIoClientFactory(new IoClientFactory() {
            @Override
            public TcpIoClient createOrGetTcpClient() {
                throw new AssertionError("a question this small goes over UDP");
            }

            @Override
            public UdpIoClient createOrGetUdpClient() {
                return (local, remote, query, data, max, timeout) -> {
                    sent.complete(data.clone());
                    return new CompletableFuture<>(); // never answered: only the datagram matters
                };
            }
        });
        resolver.sendAsync(Message.newQuery(Record.newRecord(name, type, DClass.IN)));
        return sent.getNow(null);
    }

    @Test
    void anAnswerToTheQuestionAskedIsReturnedTruncatedOrNot() throws IOException {
        Message answer = answer(NAME, Type.TXT);
        answer.getHeader().setFlag(Flags.TC);
        Name asked = Name.fromConstantString("_amazonses.EXAMPLE.com."); // names compare without case
        Message decoded = WireQuery.decode(answer.toWire(), asked, Type.TXT);
        assertTrue(decoded.getHeader().getFlag(Flags.TC), "the caller asks again over TCP");
    }

    /** RFC 5452, section 9.1: the answer's question must be the one asked (name, type and class). */
    @Test
    void anAnswerToAnotherQuestionIsRefused() {
        byte[] otherName = answer(Name.fromConstantString("other.example.com."), Type.TXT).toWire();
        byte[] otherType = answer(NAME, Type.MX).toWire();
        Message chaos = Message.newQuery(Record.newRecord(NAME, Type.TXT, DClass.CH));
        chaos.getHeader().setFlag(Flags.QR);
        for (byte[] datagram : new byte[][] {otherName, otherType, chaos.toWire()}) {
            assertThrows(WireParseException.class, () -> WireQuery.decode(datagram, NAME, Type.TXT));
        }
        byte[] cut = Arrays.copyOf(otherType, 7);
        assertThrows(IOException.class, () -> WireQuery.decode(cut, NAME, Type.TXT), "not a DNS message");
    }

    private static Message answer(Name name, int type) {
        Message m = Message.newQuery(Record.newRecord(name, type, DClass.IN));
        m.getHeader().setFlag(Flags.QR);
        m.addRecord(new ARecord(name, DClass.IN, 60, java.net.InetAddress.getLoopbackAddress()), Section.ANSWER);
        return m;
    }
}
