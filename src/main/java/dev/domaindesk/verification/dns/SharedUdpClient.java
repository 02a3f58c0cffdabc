package dev.domaindesk.verification.dns;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * UDP for one check run's questions ({@link DnsClient}): a few sockets per server, opened once and shared by every
 * query, one thread reading them all. dnsjava's own client opens, binds, connects, registers and closes a socket for
 * each query, which cost more CPU than everything else in a bulk check (docs/decisions/0010).
 *
 * <p>Each query gets a fresh random ID on its socket (the caller's ID is put back into the answer, whose question
 * the caller then checks, {@link WireQuery#decode}); the sockets are connected, so only the server's datagrams arrive and an ICMP
 * "port unreachable" fails that server's queries at once. The sockets close after a few idle seconds.
 *
 * <p>A query asked on the reader thread itself (a rule asking its next question as an answer arrives) waits in its
 * socket's outbox until the reader has handed over every answer that had arrived, then all go out back to back: on
 * loopback each lone datagram woke the server and let it take this thread's core, which cost more than the send
 * (docs/decisions/0018).
 */
final class SharedUdpClient {
    private static final int SOCKETS_PER_SERVER = 2;
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final long SCAN_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final int MAX_DATAGRAM = 65_535;
    private static final int RECEIVE_BUFFER = 1 << 20;

    private final SecureRandom random = new SecureRandom();
    private final byte[] ids = new byte[4096];
    private int idsLeft;
    private final Map<InetSocketAddress, Endpoint[]> endpoints = new HashMap<>(); // guarded by this
    private final ConcurrentLinkedQueue<Endpoint> toRegister = new ConcurrentLinkedQueue<>();
    private final ArrayDeque<Endpoint> toFlush = new ArrayDeque<>(); // only the reader thread touches it
    private Selector selector; // guarded by this; null while no reader runs
    private volatile Thread reader;
    private int nextSocket; // guarded by this
    private long lastUse; // guarded by this

    private record Pending(CompletableFuture<byte[]> result, int callerId, long deadline) {
    }

    /** A query waiting in an outbox: its datagram, and what to fail if the send fails. */
    private record Outgoing(int id, Pending pending, ByteBuffer datagram) {
    }

    private static final class Endpoint {
        final DatagramChannel channel;
        final Map<Integer, Pending> pending = new ConcurrentHashMap<>();
        final ArrayDeque<Outgoing> outbox = new ArrayDeque<>(); // only the reader thread touches it

        Endpoint(DatagramChannel channel) {
            this.channel = channel;
        }
    }

    /** Sends the query {@code data} to {@code remote}; completes with its answer, or fails after {@code timeout}. */
    CompletableFuture<byte[]> send(InetSocketAddress remote, byte[] data, Duration timeout) {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        int callerId = ((data[0] & 0xff) << 8) | (data[1] & 0xff);
        Pending pending = new Pending(result, callerId, System.nanoTime() + timeout.toNanos());
        Endpoint endpoint;
        int id;
        try {
            synchronized (this) {
                endpoint = endpoint(remote);
                do {
                    id = nextId();
                } while (endpoint.pending.putIfAbsent(id, pending) != null);
                lastUse = System.nanoTime();
            }
        } catch (IOException e) {
            result.completeExceptionally(e);
            return result;
        }
        byte[] out = data.clone();
        out[0] = (byte) (id >>> 8);
        out[1] = (byte) id;
        Outgoing outgoing = new Outgoing(id, pending, ByteBuffer.wrap(out));
        if (Thread.currentThread() == reader) {
            if (endpoint.outbox.isEmpty()) {
                toFlush.add(endpoint);
            }
            endpoint.outbox.add(outgoing);
        } else {
            send(endpoint, outgoing);
        }
        return result;
    }

    private static void send(Endpoint endpoint, Outgoing outgoing) {
        try {
            if (endpoint.channel.write(outgoing.datagram()) == 0) {
                throw new IOException("the socket's send buffer is full");
            }
        } catch (IOException e) {
            if (endpoint.pending.remove(outgoing.id(), outgoing.pending())) {
                outgoing.pending().result().completeExceptionally(e);
            }
        }
    }

    /** On the reader thread: sends what the answers just handed over asked for. */
    private void flush() {
        for (Endpoint e; (e = toFlush.poll()) != null; ) {
            for (Outgoing o; (o = e.outbox.poll()) != null; ) {
                send(e, o);
            }
        }
    }

    /** The next socket for {@code remote}, opening them (and the reader) when needed. */
    private Endpoint endpoint(InetSocketAddress remote) throws IOException {
        if (selector == null) {
            selector = Selector.open();
            Selector mine = selector;
            Thread thread = new Thread(() -> read(mine), "domaindesk-dns-udp");
            thread.setDaemon(true);
            reader = thread;
            thread.start();
        }
        Endpoint[] sockets = endpoints.get(remote);
        if (sockets == null) {
            sockets = new Endpoint[SOCKETS_PER_SERVER];
            for (int i = 0; i < sockets.length; i++) {
                DatagramChannel channel = DatagramChannel.open();
                try {
                    channel.configureBlocking(false);
                    // answers queue here while the reader runs rules; the default (about 200 small datagrams) drops some
                    channel.setOption(java.net.StandardSocketOptions.SO_RCVBUF, RECEIVE_BUFFER);
                    channel.bind(null); // a random port the system picks
                    channel.connect(remote);
                } catch (IOException e) {
                    channel.close();
                    for (int j = 0; j < i; j++) {
                        sockets[j].channel.close();
                    }
                    throw e;
                }
                sockets[i] = new Endpoint(channel);
                toRegister.add(sockets[i]);
            }
            endpoints.put(remote, sockets);
            selector.wakeup();
        }
        nextSocket = (nextSocket + 1) % SOCKETS_PER_SERVER;
        return sockets[nextSocket];
    }

    /** A random query ID; bytes are drawn in bulk, since SecureRandom per query would cost more than the query. */
    private int nextId() {
        if (idsLeft == 0) {
            random.nextBytes(ids);
            idsLeft = ids.length / 2;
        }
        idsLeft--;
        return ((ids[idsLeft * 2] & 0xff) << 8) | (ids[idsLeft * 2 + 1] & 0xff);
    }

    /** The reader: hands each answer to its query, times out the late ones, and ends when idle. */
    private void read(Selector selector) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(MAX_DATAGRAM);
        long lastScan = System.nanoTime();
        try {
            while (true) {
                for (Endpoint e; (e = toRegister.poll()) != null; ) {
                    e.channel.register(selector, SelectionKey.OP_READ, e);
                }
                selector.select(20);
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    receive((Endpoint) key.attachment(), buffer);
                }
                long now = System.nanoTime();
                if (now - lastScan >= SCAN_NANOS) {
                    lastScan = now;
                    if (expire(now)) {
                        return;
                    }
                }
                flush();
            }
        } catch (IOException | RuntimeException e) {
            failAll(e instanceof IOException io ? io : new IOException("DNS reader failed", e));
        }
    }

    private static void receive(Endpoint e, ByteBuffer buffer) {
        while (true) {
            buffer.clear();
            int n;
            try {
                n = e.channel.read(buffer);
            } catch (IOException failure) { // e.g. PortUnreachableException: nobody listens there
                for (Integer id : List.copyOf(e.pending.keySet())) {
                    Pending p = e.pending.remove(id);
                    if (p != null) {
                        p.result().completeExceptionally(failure);
                    }
                }
                return;
            }
            if (n <= 0) {
                return;
            }
            if (n < 12) {
                continue; // not a DNS message
            }
            int id = ((buffer.get(0) & 0xff) << 8) | (buffer.get(1) & 0xff);
            Pending p = e.pending.remove(id);
            if (p == null) {
                continue; // late, after its timeout, or stray
            }
            byte[] answer = new byte[n];
            buffer.get(0, answer);
            answer[0] = (byte) (p.callerId() >>> 8);
            answer[1] = (byte) p.callerId();
            p.result().complete(answer);
        }
    }

    /** Times out queries past their deadline; returns true (sockets closed) when idle for a while. */
    private boolean expire(long now) throws IOException {
        List<Endpoint> all;
        synchronized (this) {
            all = new ArrayList<>();
            boolean idle = true;
            for (Endpoint[] sockets : endpoints.values()) {
                for (Endpoint e : sockets) {
                    all.add(e);
                    idle &= e.pending.isEmpty();
                }
            }
            if (idle && now - lastUse > IDLE_NANOS) {
                for (Endpoint e : all) {
                    e.channel.close();
                }
                endpoints.clear();
                toRegister.clear();
                selector.close();
                selector = null;
                reader = null;
                return true;
            }
        }
        for (Endpoint e : all) {
            for (Map.Entry<Integer, Pending> entry : e.pending.entrySet()) {
                if (now - entry.getValue().deadline() > 0 && e.pending.remove(entry.getKey(), entry.getValue())) {
                    entry.getValue().result().completeExceptionally(new SocketTimeoutException("Query timed out"));
                }
            }
        }
        return false;
    }

    /**
     * The reader failed: closes everything, then fails every query still waiting. The failures come last, outside the
     * lock, so that a query asked again from a failure's continuation (a retry) opens new sockets and a new reader
     * instead of landing on the closed ones.
     */
    private void failAll(IOException cause) {
        List<Pending> failed = new ArrayList<>();
        synchronized (this) {
            toFlush.clear(); // their queries are among the pending ones
            for (Endpoint[] sockets : endpoints.values()) {
                for (Endpoint e : sockets) {
                    failed.addAll(e.pending.values());
                    e.pending.clear();
                    try {
                        e.channel.close();
                    } catch (IOException ignored) {
                        // closing anyway
                    }
                }
            }
            endpoints.clear();
            toRegister.clear();
            try {
                selector.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            selector = null;
            reader = null;
        }
        failed.forEach(p -> p.result().completeExceptionally(cause));
    }
}
