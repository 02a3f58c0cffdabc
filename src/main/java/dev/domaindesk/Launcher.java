package dev.domaindesk;

import dev.domaindesk.cli.Cli;
import dev.domaindesk.cli.ExitCodes;
import dev.domaindesk.cli.UsageException;
import dev.domaindesk.ui.DesktopApp;
import java.time.Clock;

/**
 * The main class. With a command it is the command line and never starts the JavaFX toolkit; without one
 * (options such as {@code --data-dir DIR} alone are fine) it opens the window. A command runs in a second JVM
 * with flags chosen for it ({@link CommandJvm}).
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        Cli.Invocation invocation;
        try {
            invocation = Cli.split(args);
        } catch (UsageException e) {
            System.err.println("domaindesk: " + e.getMessage());
            System.exit(ExitCodes.USAGE);
            return;
        }
        if (!invocation.hasCommand()) {
            DesktopApp.open(invocation.dataDir());
            return;
        }
        if (!CommandJvm.keepThisJvm()) {
            try {
                System.exit(CommandJvm.run(args));
            } catch (Exception e) {
                System.err.println("domaindesk: could not start the command's JVM (" + e.getMessage() + "); running it here");
            }
        }
        CommandJvm.stopWithParent();
        int code = new Cli(System.out, System.err, Clock.systemUTC()).run(invocation);
        System.out.flush();
        System.exit(code);
    }
}
