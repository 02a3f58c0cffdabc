package dev.domaindesk.cli;

import dev.domaindesk.app.DataDirectory;
import dev.domaindesk.domains.DomainNotFoundException;
import dev.domaindesk.domains.DuplicateDomainException;
import dev.domaindesk.store.StoreException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The headless command line: {@code domaindesk [--data-dir DIR] COMMAND ...}. Never starts the JavaFX toolkit. */
public final class Cli {

    private final Map<String, Command> commands = new LinkedHashMap<>();
    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;

    public Cli(PrintStream out, PrintStream err, Clock clock) {
        this.out = out;
        this.err = err;
        this.clock = clock;
        commands.put("add", new AddCommand());
        commands.put("remove", new RemoveCommand());
        commands.put("list", new ListCommand());
        commands.put("records", new RecordsCommand());
        commands.put("import", new ImportCommand());
        commands.put("export", new ExportCommand());
        commands.put("check", new CheckCommand());
        commands.put("audit", new AuditCommand());
        commands.put("sync", new SyncCommand());
        commands.put("remote-check", new RemoteCheckCommand());
        commands.put("serve", new ServeCommand());
        commands.put("api-key", new ApiKeyCommand());
    }

    /** The options before the command, and the command with its arguments. */
    public record Invocation(String dataDir, String command, List<String> args) {
        public boolean hasCommand() {
            return command != null;
        }
    }

    /** Splits global options ({@code --data-dir DIR}) from the command. */
    public static Invocation split(String[] argv) {
        String dataDir = null;
        List<String> rest = new ArrayList<>(List.of(argv));
        while (!rest.isEmpty() && rest.get(0).startsWith("--")) {
            String option = rest.remove(0);
            if (option.equals("--data-dir")) {
                if (rest.isEmpty()) {
                    throw new UsageException("--data-dir needs a directory");
                }
                dataDir = rest.remove(0);
            } else if (option.startsWith("--data-dir=")) {
                dataDir = option.substring("--data-dir=".length());
            } else if (option.equals("--help")) {
                return new Invocation(dataDir, "help", List.of());
            } else {
                throw new UsageException("unknown option " + option);
            }
        }
        return rest.isEmpty() ? new Invocation(dataDir, null, List.of())
                : new Invocation(dataDir, rest.get(0), List.copyOf(rest.subList(1, rest.size())));
    }

    public int run(String[] argv) {
        try {
            return run(split(argv));
        } catch (UsageException e) {
            err.println("domaindesk: " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }

    public int run(Invocation invocation) {
        if (invocation.command().equals("help")) {
            printUsage(out);
            return ExitCodes.OK;
        }
        Command command = commands.get(invocation.command());
        if (command == null) {
            err.println("domaindesk: unknown command '" + invocation.command() + "'");
            printUsage(err);
            return ExitCodes.USAGE;
        }
        try (CliContext context = new CliContext(DataDirectory.resolve(invocation.dataDir()), out, err, clock)) {
            return command.run(context, invocation.args());
        } catch (UsageException | IllegalArgumentException | DuplicateDomainException | StoreException e) {
            // bad arguments, a refused name or document (IllegalArgumentException), a store that cannot open
            err.println("domaindesk: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (DomainNotFoundException e) {
            err.println("domaindesk: " + e.getMessage());
            return ExitCodes.NOT_FOUND;
        } catch (Exception e) {
            // the logger is made here, not in a static field: Launcher touches this class before the window opens,
            // and starting the logging framework would delay the first frame by about 150 ms
            Logger log = LoggerFactory.getLogger(Cli.class);
            log.error("Command {} failed", invocation.command(), e);
            err.println("domaindesk: " + invocation.command() + " failed: " + e.getMessage());
            return ExitCodes.DNS_OR_NETWORK;
        }
    }

    private void printUsage(PrintStream stream) {
        stream.println("usage: domaindesk [--data-dir DIR] COMMAND");
        commands.values().forEach(c -> stream.println("  " + c.usage()));
        stream.println("Without a command, opens the window.");
    }
}
