package dev.domaindesk.verification.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Fetches an MTA-STS policy as RFC 8461 §3.3 wants: HTTPS with a certificate valid for {@code mta-sts.<domain>},
 * no redirects followed, status 200, {@code text/plain}, at most 64 KiB. The host's address comes from the
 * check's own DNS answers (so it uses the same resolvers), hence a plain socket wrapped in TLS for that name.
 */
public final class MtaStsFetcher {
    private static final int MAX_POLICY_BYTES = 64 * 1024;

    private final SSLSocketFactory tls;
    private final int port;
    private final Duration timeout;

    /** {@code port}: 443; tests point it at their own server. */
    public MtaStsFetcher(SSLSocketFactory tls, int port, Duration timeout) {
        this.tls = tls;
        this.port = port;
        this.timeout = timeout;
    }

    /** The policy text; an {@link IOException} whose message says what was wrong otherwise. Blocks. */
    public String fetch(String domain, InetAddress address) throws IOException {
        String host = "mta-sts." + domain;
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(address, port), millis);
            plain.setSoTimeout(millis);
            try (SSLSocket socket = (SSLSocket) tls.createSocket(plain, host, port, true)) {
                SSLParameters params = socket.getSSLParameters();
                params.setEndpointIdentificationAlgorithm("HTTPS");
                params.setServerNames(List.of(new SNIHostName(host)));
                socket.setSSLParameters(params);
                socket.startHandshake();
                OutputStream out = socket.getOutputStream();
                // HTTP/1.0: the answer comes whole, never chunked, and ends with the connection
                out.write(("GET /.well-known/mta-sts.txt HTTP/1.0\r\nHost: " + host
                        + "\r\nUser-Agent: DomainDesk\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                return body(read(socket.getInputStream()));
            }
        }
    }

    private static byte[] read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            all.write(buffer, 0, n);
            if (all.size() > MAX_POLICY_BYTES + 8192) {
                throw new IOException("the answer is larger than 64 KiB");
            }
        }
        return all.toByteArray();
    }

    private static String body(byte[] response) throws IOException {
        String text = new String(response, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("not an HTTP answer");
        }
        String[] head = text.substring(0, end).split("\r\n");
        String[] status = head[0].split(" ", 3);
        int code = status.length > 1 && status[1].matches("\\d{3}") ? Integer.parseInt(status[1]) : -1;
        if (code >= 300 && code < 400) {
            throw new IOException("HTTP " + code + ": a redirect, which senders do not follow");
        }
        if (code != 200) {
            throw new IOException("HTTP " + (code < 0 ? head[0] : String.valueOf(code)));
        }
        for (String line : head) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-type:") && !lower.substring(13).strip().startsWith("text/plain")) {
                throw new IOException("served as " + line.substring(13).strip() + ", not text/plain");
            }
        }
        return text.substring(end + 4);
    }
}
