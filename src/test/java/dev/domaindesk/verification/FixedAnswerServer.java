package dev.domaindesk.verification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A tiny authoritative DNS server on loopback UDP that answers each (name, type) with fixed records, for data no
 * real server will load: a CNAME beside other data at the same name (Knot refuses such a zone). Answers built
 * by dnsjava; a question without records gets NODATA with the zone's SOA.
 */
final class FixedAnswerServer implements AutoCloseable {
    private final DatagramSocket socket;
    private final Map<String, List<Record>> answers;
    private final SOARecord soa;

    /** {@code answers}: keyed "name TYPE", e.g. "token.conflict.test. TXT". */
    FixedAnswerServer(String zone, Map<String, List<Record>> answers) throws Exception {
        this.answers = answers;
        Name origin = Name.fromString(zone + ".");
        this.soa = new SOARecord(origin, DClass.IN, 300, Name.fromString("ns1", origin), Name.fromString("h", origin),
                1, 3600, 600, 86400, 300);
        this.socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        Thread server = new Thread(this::serve, "fixed-answer-dns");
        server.setDaemon(true);
        server.start();
    }

    static String key(String name, int type) {
        return name.toLowerCase(java.util.Locale.ROOT) + " " + Type.string(type);
    }

    private void serve() {
        byte[] buffer = new byte[4096];
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                Message query = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
                byte[] wire = answer(query).toWire(1232);
                socket.send(new DatagramPacket(wire, wire.length, packet.getSocketAddress()));
            } catch (IOException closed) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    private Message answer(Message query) {
        Record question = query.getQuestion();
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.AA);
        response.addRecord(question, Section.QUESTION);
        List<Record> records = question.getType() == Type.SOA && question.getName().equals(soa.getName())
                ? List.of(soa) : answers.getOrDefault(key(question.getName().toString(), question.getType()), List.of());
        records.forEach(r -> response.addRecord(r, Section.ANSWER));
        if (records.isEmpty()) {
            response.addRecord(soa, Section.AUTHORITY);
        }
        return response;
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
    }

    @Override
    public void close() {
        socket.close();
    }
}
