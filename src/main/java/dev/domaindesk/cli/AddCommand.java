package dev.domaindesk.cli;

import java.util.List;

/** Placeholder until its issue lands. */
final class AddCommand implements Command {
    @Override
    public int run(CliContext context, List<String> args) {
        throw new UsageException("this command is not available yet");
    }

    @Override
    public String usage() {
        return "add DOMAIN [--profile NAME]";
    }
}
