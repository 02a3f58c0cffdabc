package dev.domaindesk.verification;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/** Parses resolver addresses as admins write them: {@code 1.1.1.1}, {@code 127.0.0.1:5353}, {@code [::1]:53}, {@code ::1}. */
public final class ResolverAddress {
    private ResolverAddress() {
    }

    /** One {@code HOST[:PORT]}; the message of the exception names what was wrong. */
    public static InetSocketAddress parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("a resolver address is empty (expected HOST or HOST:PORT)");
        }
        String host = t;
        int port = 53;
        if (t.startsWith("[")) {
            int close = t.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("resolver '" + text + "' lacks the closing ']'");
            }
            host = t.substring(1, close);
            String rest = t.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw new IllegalArgumentException("resolver '" + text + "': expected ':PORT' after ']'");
                }
                port = port(text, rest.substring(1));
            }
        } else if (t.indexOf(':') >= 0 && t.indexOf(':') == t.lastIndexOf(':')) {
            host = t.substring(0, t.indexOf(':'));
            port = port(text, t.substring(t.indexOf(':') + 1));
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("resolver '" + text + "': unknown host '" + host + "'");
        }
    }

    /** A comma-separated list (the {@code dns.resolvers} setting); blank means none (the system's). */
    public static List<InetSocketAddress> parseList(String text) {
        List<InetSocketAddress> out = new ArrayList<>();
        if (text != null && !text.isBlank()) {
            for (String part : text.split(",")) {
                out.add(parse(part));
            }
        }
        return List.copyOf(out);
    }

    private static int port(String text, String digits) {
        try {
            int port = Integer.parseInt(digits);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("resolver '" + text + "': port '" + digits + "' is not a number from 1 to 65535");
    }
}
