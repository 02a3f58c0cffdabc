package dev.domaindesk.cli;

import dev.domaindesk.app.AppContext;
import dev.domaindesk.app.StopActions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;

/** What a command gets: the data directory, the output streams, and the services (opened on first use). */
public final class CliContext implements AutoCloseable {
    private final Path dataDir;
    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;
    private AppContext app;

    public CliContext(Path dataDir, PrintStream out, PrintStream err, Clock clock) {
        this.dataDir = dataDir;
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    public AppContext app() {
        if (app == null) {
            app = new AppContext(dataDir, clock);
            StopActions.register(app);
        }
        return app;
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
