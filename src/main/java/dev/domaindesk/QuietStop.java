package dev.domaindesk;

import dev.domaindesk.app.StopActions;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;

/**
 * Ctrl+C or SIGTERM on a command: the threads cut short by the shutdown (a DNS query sent as its client closes,
 * a write as the store closes) would each log an error; a user who stopped the command wants none of that. So the
 * signal first silences stderr, then shuts down as usual (the store closes, serve stops) with the signal's status.
 *
 * <p>The store is closed first ({@link StopActions}: sealed and handed over in order, not by H2's own exit hook),
 * possibly while the command still stores results: the command then fails on a closed store and says so. That
 * message is part of the stop, so the command's own error stream ({@link #stderr}) falls silent with the rest, and
 * the command's exit waits for the signal's ({@link #exit}).
 */
final class QuietStop {
    private static final Duration PATIENCE = Duration.ofSeconds(5);
    private static volatile boolean stopping;
    private static final AtomicBoolean STOPS = new AtomicBoolean();

    private QuietStop() {
    }

    static void install() {
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    if (!STOPS.compareAndSet(false, true)) {
                        return; // a second signal (Ctrl+C reaches both JVMs, the first then passes SIGTERM on): one stop
                    }
                    stopping = true;
                    System.setErr(new PrintStream(OutputStream.nullOutputStream()));
                    StopActions.runAll(PATIENCE);
                    System.exit(128 + signal.getNumber());
                });
            } catch (IllegalArgumentException e) {
                // the signal is ignored here (a background job) or unknown on this platform: nothing to stop quietly
            }
        }
    }

    /**
     * Exits with the command's {@code code}, unless a stop began: the store closed under the command may end it
     * first, and the exit status is then the signal's, which the stop sets once it has closed the store.
     */
    static void exit(int code) {
        if (stopping) {
            try {
                Thread.currentThread().join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        System.exit(code);
    }

    /** {@code real}, until a stop begins; silent from then on. */
    static PrintStream stderr(PrintStream real) {
        OutputStream gate = new OutputStream() {
            @Override
            public void write(int b) {
                if (!stopping) {
                    real.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                if (!stopping) {
                    real.write(b, off, len);
                }
            }

            @Override
            public void flush() {
                if (!stopping) {
                    real.flush();
                }
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
        return new PrintStream(gate, true, Charset.defaultCharset());
    }
}
