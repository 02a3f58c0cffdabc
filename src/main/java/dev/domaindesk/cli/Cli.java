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

    static final String GLOBAL_USAGE = "usage: domaindesk [--data-dir DIR] [--store JDBC-URL] COMMAND [ARGS]";

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
        commands.put("history", new HistoryCommand());
        commands.put("sync", new SyncCommand());
        commands.put("remote-check", new RemoteCheckCommand());
        commands.put("serve", new ServeCommand());
        commands.put("api-key", new ApiKeyCommand());
        commands.put("restore", new RestoreCommand());
    }

    /** The options before the command, and the command with its arguments. */
    public record Invocation(String dataDir, String store, String command, List<String> args) {
        public Invocation(String dataDir, String command, List<String> args) {
            this(dataDir, null, command, args);
        }

        public boolean hasCommand() {
            return command != null;
        }
    }

    /**
     * Splits global options ({@code --data-dir DIR}, {@code --store JDBC-URL}) from the command. Either may also
     * follow the command's name ({@code domaindesk list --store URL}): they mean the same everywhere.
     */
    public static Invocation split(String[] argv) {
        String dataDir = null;
        String store = null;
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
            } else if (option.equals("--store")) {
                if (rest.isEmpty()) {
                    throw new UsageException("--store needs a JDBC URL (jdbc:postgresql://HOST[:PORT]/DATABASE)"
                            + " or 'embedded'");
                }
                store = rest.remove(0);
            } else if (option.startsWith("--store=")) {
                store = option.substring("--store=".length());
            } else if (option.equals("--version")) {
                return new Invocation(dataDir, store, "version", List.of());
            } else if (option.equals("--help")) {
                return new Invocation(dataDir, store, "help", List.of());
            } else {
                throw new UsageException("unknown option " + option + "\n" + GLOBAL_USAGE + "\n(see 'domaindesk --help')");
            }
        }
        if (!rest.isEmpty() && rest.get(0).equals("-h")) {
            return new Invocation(dataDir, store, "help", List.of());
        }
        if (rest.isEmpty()) {
            return new Invocation(dataDir, store, null, List.of());
        }
        // --store after the command's name, before a "--" that ends its options
        List<String> args = new ArrayList<>(rest.subList(1, rest.size()));
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                break;
            }
            if (a.equals("--store")) {
                if (i + 1 >= args.size()) {
                    throw new UsageException("--store needs a JDBC URL (jdbc:postgresql://HOST[:PORT]/DATABASE)"
                            + " or 'embedded'");
                }
                store = args.remove(i + 1);
                args.remove(i--);
            } else if (a.startsWith("--store=")) {
                store = a.substring("--store=".length());
                args.remove(i--);
            }
        }
        return new Invocation(dataDir, store, rest.get(0), List.copyOf(args));
    }

    public int run(String[] argv) {
        try {
            return run(split(argv));
        } catch (UsageException e) {
            err.println("domaindesk: " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }

    /** The commands' names, in the order --help lists them. */
    List<String> commandNames() {
        return List.copyOf(commands.keySet());
    }

    /** True for {@code --help}, {@code --version} and a command's {@code --help}: answered without a store. */
    public static boolean informational(Invocation invocation) {
        return invocation.command().equals("help") || invocation.command().equals("version")
                || asksForHelp(invocation.args());
    }

    /** Runs the command, then checks that everything it printed was written (a full disk, a closed pipe). */
    public int run(Invocation invocation) {
        int code = dispatch(invocation);
        String failure = StandardOutput.reason(out);
        if (failure == null || code == ExitCodes.OUTPUT_FAILED) {
            return code;
        }
        err.println("domaindesk: " + invocation.command() + ": " + StandardOutput.STDOUT + failure
                + "; the output is incomplete");
        return ExitCodes.OUTPUT_FAILED;
    }

    private int dispatch(Invocation invocation) {
        if (invocation.command().equals("version")) {
            out.println("DomainDesk " + Version.current());
            return ExitCodes.OK;
        }
        if (invocation.command().equals("help")) {
            if (invocation.args().isEmpty()) {
                printUsage(out);
                return ExitCodes.OK;
            }
            return run(new Invocation(invocation.dataDir(), invocation.store(), invocation.args().get(0),
                    List.of("--help")));
        }
        Command command = commands.get(invocation.command());
        if (command == null) {
            err.println("domaindesk: unknown command '" + invocation.command() + "'");
            printUsage(err);
            return ExitCodes.USAGE;
        }
        if (asksForHelp(invocation.args())) {
            out.print(CommandHelp.of(invocation.command(), command));
            return ExitCodes.OK;
        }
        try (CliContext context = new CliContext(DataDirectory.resolve(invocation.dataDir()), invocation.store(), out,
                err, clock)) {
            return command.run(context, invocation.args());
        } catch (UsageException e) {
            err.println("domaindesk: " + e.getMessage());
            if (!e.getMessage().contains("usage: ")) {
                err.println("usage: domaindesk " + command.usage());
            }
            err.println("(see 'domaindesk " + invocation.command() + " --help')");
            return ExitCodes.USAGE;
        } catch (IllegalArgumentException | DuplicateDomainException | StoreException e) {
            // bad arguments, a refused name or document (IllegalArgumentException), a store that cannot open
            err.println("domaindesk: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (DomainNotFoundException e) {
            err.println("domaindesk: " + e.getMessage());
            return ExitCodes.NOT_FOUND;
        } catch (StandardOutput.OutputFailedException e) {
            err.println("domaindesk: " + invocation.command() + ": " + e.getMessage() + "; the output is incomplete");
            return ExitCodes.OUTPUT_FAILED;
        } catch (Exception e) {
            // the logger is made here, not in a static field: Launcher touches this class before the window opens,
            // and starting the logging framework there would delay the window's first frame
            Logger log = LoggerFactory.getLogger(Cli.class);
            log.error("Command {} failed", invocation.command(), e);
            err.println("domaindesk: " + invocation.command() + " failed: " + e.getMessage());
            return ExitCodes.DNS_OR_NETWORK;
        }
    }

    /** -h or --help among a command's arguments, before a "--" that ends the options. */
    private static boolean asksForHelp(List<String> args) {
        for (String a : args) {
            if (a.equals("--")) {
                return false;
            }
            if (a.equals("-h") || a.equals("--help")) {
                return true;
            }
        }
        return false;
    }

    private void printUsage(PrintStream stream) {
        stream.println(GLOBAL_USAGE);
        stream.println("       domaindesk --help | --version");
        stream.println();
        stream.println("Without a command, opens the window. Commands:");
        commands.values().forEach(c -> stream.println("  " + c.usage()));
        stream.println();
        stream.println("Options before the command:");
        stream.println("  --data-dir DIR   the data directory (default: $DOMAINDESK_HOME, else the platform's,"
                + " e.g. ~/.local/share/domaindesk)");
        stream.println("  --store URL      a team's PostgreSQL store, jdbc:postgresql://HOST[:PORT]/DATABASE[?user=NAME]");
        stream.println("                   (default: $DOMAINDESK_STORE, else store.url in DIR/store.properties, else the");
        stream.println("                   embedded store in the data directory); the password comes from");
        stream.println("                   $DOMAINDESK_STORE_PASSWORD, $PGPASSWORD, ~/.pgpass or a prompt, never the URL");
        stream.println();
        stream.println("Exit codes: 0 done; 1 check: some records not verified; 2 usage error or bad input;");
        stream.println("3 DNS errors (check), a network/API failure (sync, remote-check) or the port is in use (serve);");
        stream.println("4 not found; 5 the service refused the API key; 6 the output could not be written (a full disk,");
        stream.println("a closed pipe); 7 check: the results of some domains could not be stored.");
        stream.println("'domaindesk COMMAND --help' describes a command; docs/cli.md has them all.");
    }
}
