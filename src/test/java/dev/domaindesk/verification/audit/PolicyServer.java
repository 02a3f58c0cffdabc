package dev.domaindesk.verification.audit;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;

/** A real HTTPS server on loopback serving MTA-STS policies per Host header (RFC 8461 §3.3). */
final class PolicyServer implements AutoCloseable {
    record Answer(int status, String contentType, String body) {
    }

    private final HttpsServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    PolicyServer(SSLContext tls) throws IOException {
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/.well-known/mta-sts.txt", exchange -> {
            String host = exchange.getRequestHeaders().getFirst("Host");
            Answer a = answers.getOrDefault(host == null ? "" : host.replaceAll(":\\d+$", ""),
                    new Answer(404, "text/plain", "not here\n"));
            byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", a.contentType());
            exchange.sendResponseHeaders(a.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    void serve(String host, Answer answer) {
        answers.put(host, answer);
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
