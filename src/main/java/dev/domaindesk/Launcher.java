package dev.domaindesk;

import dev.domaindesk.cli.Cli;
import dev.domaindesk.cli.ExitCodes;
import dev.domaindesk.cli.StandardOutput;
import dev.domaindesk.cli.UsageException;
import dev.domaindesk.launch.CommandJvm;
import dev.domaindesk.ui.shell.DesktopApp;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;

/**
 * The main class. With a command it is the command line and never starts the JavaFX toolkit; without one
 * (options such as {@code --data-dir DIR} alone are fine) it opens the window. A command runs in a second JVM
 * with flags chosen for it ({@link CommandJvm}); {@code --help} and {@code --version} are answered here.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) throws InterruptedException {
        CommandJvm.started(); // first: a command JVM that got here did not die mapping its class archive
        Cli.Invocation invocation;
        try {
            invocation = Cli.split(args);
        } catch (UsageException e) {
            System.err.println("domaindesk: " + e.getMessage());
            System.exit(ExitCodes.USAGE);
            return;
        }
        if (!invocation.hasCommand()) {
            System.exit(DesktopApp.open(invocation.dataDir(), invocation.store()));
            return;
        }
        if (!Cli.informational(invocation) && !CommandJvm.keepThisJvm()) {
            try {
                System.exit(CommandJvm.run(Launcher.class, args));
            } catch (IOException e) {
                System.err.println("domaindesk: could not start the command's JVM (" + e.getMessage() + "); running it here");
            }
        }
        CommandJvm.stopWithParent();
        PrintStream err = System.err;
        if (!Cli.informational(invocation)) {
            QuietStop.install();
            err = QuietStop.stderr(System.err);
        }
        StandardOutput out = StandardOutput.open(); // PrintStream hides a failed write: this one tells the Cli why
        System.setOut(out);
        int code = new Cli(out, err, Clock.systemUTC()).run(invocation);
        out.flush();
        QuietStop.exit(code);
    }
}
