package dev.domaindesk.verification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** A UDP socket on loopback that reads queries and never answers: a DNS server that times out. */
final class SilentUdpServer implements AutoCloseable {
    private final DatagramSocket socket;
    private final Thread reader;

    SilentUdpServer() {
        try {
            socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        reader = new Thread(() -> {
            byte[] buffer = new byte[4096];
            while (!socket.isClosed()) {
                try {
                    socket.receive(new DatagramPacket(buffer, buffer.length));
                } catch (IOException closed) {
                    return;
                }
            }
        }, "silent-udp");
        reader.setDaemon(true);
        reader.start();
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
    }

    @Override
    public void close() {
        socket.close();
    }
}
