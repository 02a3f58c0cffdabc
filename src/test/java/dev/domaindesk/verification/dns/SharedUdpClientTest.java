package dev.domaindesk.verification.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** The shared UDP sockets against a real UDP server on loopback: IDs, forged answers, timeouts, many at once. */
class SharedUdpClientTest {

    @Test
    void anAnswerWithAnotherIdIsIgnoredAndTheRightOneIsTaken() throws Exception {
        try (DatagramSocket server = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            Thread t = serve(server, 1, (socket, from, query) -> {
                Message forged = answer(query, "192.0.2.66");
                forged.getHeader().setID((query.getHeader().getID() + 1) & 0xffff);
                send(socket, from, forged);
                send(socket, from, answer(query, "192.0.2.1"));
            });
            Message response = asker(server, Duration.ofSeconds(5)).ask("a.test.").get(10, TimeUnit.SECONDS);
            assertEquals("192.0.2.1", address(response));
            t.join(5000);
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        try (DatagramSocket server = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Message> answer = asker(server, Duration.ofMillis(200)).ask("a.test.");
            ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> answer.get(10, TimeUnit.SECONDS));
            assertInstanceOf(SocketTimeoutException.class, e.getCause());
        }
    }

    @Test
    void manyQueriesInFlightEachGetTheirOwnAnswer() throws Exception {
        int n = 2000;
        try (DatagramSocket server = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            server.setReceiveBufferSize(1 << 20);
            // the answer's address encodes the question's name, so a mixed-up answer shows
            Thread t = serve(server, n, (socket, from, query) -> {
                int i = Integer.parseInt(query.getQuestion().getName().getLabelString(0).substring(1));
                send(socket, from, answer(query, "10.0." + (i / 256) + "." + (i % 256)));
            });
            Asker asker = asker(server, Duration.ofSeconds(10));
            List<CompletableFuture<Message>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                answers.add(asker.ask("q" + i + ".test."));
            }
            for (int i = 0; i < n; i++) {
                assertEquals("10.0." + (i / 256) + "." + (i % 256), address(answers.get(i).get(30, TimeUnit.SECONDS)));
            }
            t.join(5000);
        }
    }

    /** A rule asks its next question as an answer arrives, on the reader thread: it waits in the outbox, then goes. */
    @Test
    void questionsAskedAsAnswersArriveAreSentAndAnswered() throws Exception {
        int chains = 20;
        int length = 25;
        try (DatagramSocket server = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            server.setReceiveBufferSize(1 << 20);
            Thread t = serve(server, chains * length, (socket, from, query) -> {
                int i = Integer.parseInt(query.getQuestion().getName().getLabelString(0).substring(1));
                send(socket, from, answer(query, "10.0." + (i / 256) + "." + (i % 256)));
            });
            Asker asker = asker(server, Duration.ofSeconds(10));
            List<CompletableFuture<List<String>>> ends = new ArrayList<>();
            for (int c = 0; c < chains; c++) {
                ends.add(chain(asker, c * length, (c + 1) * length, new ArrayList<>()));
            }
            for (int c = 0; c < chains; c++) {
                List<String> seen = ends.get(c).get(30, TimeUnit.SECONDS);
                assertEquals(length, seen.size());
                for (int k = 0; k < length; k++) {
                    int i = c * length + k;
                    assertEquals("10.0." + (i / 256) + "." + (i % 256), seen.get(k));
                }
            }
            t.join(5000);
        }
    }

    /** Asks q{from}; its answer, on the thread that delivers it, asks q{from+1}, and so on up to {@code to}. */
    private static CompletableFuture<List<String>> chain(Asker asker, int from, int to, List<String> seen) {
        if (from == to) {
            return CompletableFuture.completedFuture(seen);
        }
        return asker.ask("q" + from + ".test.").thenCompose(m -> {
            seen.add(address(m));
            return chain(asker, from + 1, to, seen);
        });
    }

    private interface Answerer {
        void answer(DatagramSocket socket, InetSocketAddress from, Message query) throws Exception;
    }

    private static Thread serve(DatagramSocket socket, int queries, Answerer answerer) {
        Thread t = new Thread(() -> {
            try {
                for (int i = 0; i < queries; i++) {
                    byte[] buf = new byte[1500];
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    socket.receive(p);
                    answerer.answer(socket, (InetSocketAddress) p.getSocketAddress(),
                            new Message(Arrays.copyOf(buf, p.getLength())));
                }
            } catch (Exception e) {
                if (!socket.isClosed()) {
                    throw new IllegalStateException(e);
                }
            }
        }, "test-udp-server");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Asks A questions of {@code server} through one client, as {@link DnsClient} does (answers checked). */
    private record Asker(SharedUdpClient client, InetSocketAddress server, Duration timeout) {
        CompletableFuture<Message> ask(String text) {
            Name name = Name.fromConstantString(text);
            return client.send(server, WireQuery.encode(name, Type.A), timeout).thenApply(datagram -> {
                try {
                    return WireQuery.decode(datagram, name, Type.A);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static Asker asker(DatagramSocket server, Duration timeout) {
        return new Asker(new SharedUdpClient(),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), timeout);
    }

    private static Message answer(Message query, String address) throws Exception {
        Message m = new Message(query.getHeader().getID());
        m.getHeader().setFlag(Flags.QR);
        m.getHeader().setFlag(Flags.RD);
        m.getHeader().setFlag(Flags.RA);
        Record question = query.getQuestion();
        m.addRecord(question, Section.QUESTION);
        m.addRecord(new ARecord(question.getName(), DClass.IN, 60, InetAddress.getByName(address)), Section.ANSWER);
        return m;
    }

    private static void send(DatagramSocket socket, InetSocketAddress to, Message m) throws Exception {
        byte[] wire = m.toWire();
        socket.send(new DatagramPacket(wire, wire.length, to));
    }

    private static String address(Message response) {
        return ((ARecord) response.getSection(Section.ANSWER).get(0)).getAddress().getHostAddress();
    }
}
