package dev.domaindesk.cli;

import java.util.List;

/** Placeholder until its issue lands. */
final class ApiKeyCommand implements Command {
    @Override
    public int run(CliContext context, List<String> args) {
        throw new UsageException("this command is not available yet");
    }

    @Override
    public String usage() {
        return "api-key create NAME | list | revoke NAME";
    }
}
