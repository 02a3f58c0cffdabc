package dev.domaindesk.cli;

import dev.domaindesk.app.AppContext;
import dev.domaindesk.store.StoreException;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A second process writing to a shared store (for {@link SharedStoreProcessTest}): adds {@code w0.test} ...
 * one domain a transaction, a few milliseconds apart, and says after each one whether it was stored.
 * Arguments: the data directory, how many domains, the pause in milliseconds.
 */
public final class SharedStoreWriter {
    private SharedStoreWriter() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[1]);
        long pause = Long.parseLong(args[2]);
        try (AppContext app = new AppContext(Path.of(args[0]), Clock.systemUTC())) {
            for (int i = 0; i < count; i++) {
                String name = "w" + i + ".test";
                try {
                    app.domains().add(name, null);
                    System.out.println("added " + name);
                } catch (StoreException e) {
                    System.out.println("failed " + name + ": " + e.getMessage().lines().findFirst().orElse(""));
                }
                System.out.flush();
                Thread.sleep(pause);
            }
        }
        System.out.println("done");
    }
}
