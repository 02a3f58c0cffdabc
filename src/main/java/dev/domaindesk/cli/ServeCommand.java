package dev.domaindesk.cli;

import dev.domaindesk.api.server.ApiServer;
import dev.domaindesk.app.AppContext;
import java.io.IOException;
import java.net.BindException;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** {@code serve [--port 8025] [--bind 127.0.0.1] [--threads 8]}: serves the store in the service's API until stopped. */
final class ServeCommand implements Command {
    @Override
    public int run(CliContext context, List<String> args) throws IOException, InterruptedException {
        Args parsed = Args.parse(args, List.of("--port", "--bind", "--threads"), List.of());
        if (!parsed.positionals().isEmpty()) {
            throw new UsageException("usage: " + usage());
        }
        int port = number(parsed.value("--port"), 8025, 0, 65535, "--port");
        int threads = number(parsed.value("--threads"), 8, 1, 64, "--threads");
        String bind = parsed.value("--bind") == null ? "127.0.0.1" : parsed.value("--bind");
        AppContext app = context.app();
        ApiServer server;
        try {
            server = app.startApiServer(bind, port, threads);
        } catch (BindException e) {
            context.err().println("domaindesk: serve: cannot listen on " + bind + ":" + port + " (" + e.getMessage()
                    + "); is another server using the port? choose one with --port");
            return ExitCodes.DNS_OR_NETWORK;
        }
        var address = server.address();
        context.out().println("serving http://" + address.getAddress().getHostAddress() + ":" + address.getPort()
                + "/api/v2/domains with " + threads + " worker threads; Ctrl+C stops");
        if (server.loopbackOnly()) {
            context.out().println("bound to loopback only: reachable from this machine, not from the network");
        } else {
            context.out().println("WARNING: bound to " + bind + ", reachable from the network over plain http: keys"
                    + " and data travel unencrypted; put a TLS proxy in front or bind to 127.0.0.1");
        }
        if (app.apiKeys().list().stream().noneMatch(k -> k.active())) {
            context.out().println("no active API key: every request is refused (401) until you run"
                    + " 'domaindesk api-key create NAME' (from another shell; this server sees the key at once)");
        }
        context.out().flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "api-server-stop"));
        stopped.await();
        return ExitCodes.OK;
    }

    private static int number(String text, int absent, int min, int max, String option) {
        if (text == null) {
            return absent;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new UsageException(option + " must be a whole number from " + min + " to " + max + ", got '" + text + "'");
    }

    @Override
    public String usage() {
        return "serve [--port 8025] [--bind 127.0.0.1] [--threads 8]";
    }
}
