package dev.domaindesk;

import java.io.OutputStream;
import java.io.PrintStream;
import sun.misc.Signal;

/**
 * Ctrl+C or SIGTERM on a command: the threads cut short by the shutdown (a DNS query sent as its client closes,
 * a write as the store closes) would each log an error; a user who stopped the command wants none of that. So the
 * signal first silences stderr, then shuts down as usual (the store closes, serve stops) with the signal's status.
 */
final class QuietStop {
    private QuietStop() {
    }

    static void install() {
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    System.setErr(new PrintStream(OutputStream.nullOutputStream()));
                    System.exit(128 + signal.getNumber());
                });
            } catch (IllegalArgumentException e) {
                // the signal is ignored here (a background job) or unknown on this platform: nothing to stop quietly
            }
        }
    }
}
