package dev.domaindesk.cli;

import java.util.List;

/** One sub-command of the command line. */
public interface Command {
    /** Runs with the arguments after the command name; returns the exit code. */
    int run(CliContext context, List<String> args) throws Exception;

    /** One usage line, e.g. {@code add DOMAIN [--profile NAME]}. */
    String usage();
}
