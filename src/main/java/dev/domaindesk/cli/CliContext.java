package dev.domaindesk.cli;

import dev.domaindesk.app.AppContext;
import dev.domaindesk.app.StopActions;
import dev.domaindesk.app.StoreChoice;
import dev.domaindesk.store.StoreCredentials;
import dev.domaindesk.store.StoreLocation;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;

/** What a command gets: the data directory, the output streams, and the services (opened on first use). */
public final class CliContext implements AutoCloseable {
    private final Path dataDir;
    private final String storeOption;
    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;
    private AppContext app;

    public CliContext(Path dataDir, PrintStream out, PrintStream err, Clock clock) {
        this(dataDir, null, out, err, clock);
    }

    /** {@code storeOption}: {@code --store} as given (null: the environment's, the setting's, or the embedded store). */
    public CliContext(Path dataDir, String storeOption, PrintStream out, PrintStream err, Clock clock) {
        this.dataDir = dataDir;
        this.storeOption = storeOption;
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    public AppContext app() {
        if (app == null) {
            app = new AppContext(dataDir, store(), StoreCredentials.from(System.getenv(), CliContext::askPassword),
                    clock);
            StopActions.register(app);
        }
        return app;
    }

    /** Where the store is: {@code --store}, {@code DOMAINDESK_STORE}, the data directory's setting, or embedded. */
    public StoreLocation store() {
        return StoreChoice.resolve(storeOption, System.getenv(), dataDir);
    }

    /** The store's password, asked on the terminal (not echoed); null without one (a cron job, a pipe). */
    private static char[] askPassword() {
        java.io.Console console = System.console();
        return console == null ? null : console.readPassword("Password for the DomainDesk store: ");
    }

    public java.time.Clock clock() {
        return clock;
    }

    public Path dataDir() {
        return dataDir;
    }

    public PrintStream out() {
        return out;
    }

    /** Standard input, for {@code import -}. */
    public java.io.InputStream in() {
        return System.in;
    }

    public PrintStream err() {
        return err;
    }

    @Override
    public void close() {
        if (app != null) {
            StopActions.unregister(app);
            app.close();
        }
    }
}
