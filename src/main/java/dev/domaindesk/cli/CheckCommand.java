package dev.domaindesk.cli;

import java.util.List;

/** Placeholder until its issue lands. */
final class CheckCommand implements Command {
    @Override
    public int run(CliContext context, List<String> args) {
        throw new UsageException("this command is not available yet");
    }

    @Override
    public String usage() {
        return "check [DOMAIN|ID ...|--all] [--resolver HOST[:PORT]]... [--authoritative] [--timeout MS] [--json]";
    }
}
