package dev.domaindesk.cli;

import java.nio.file.Path;
import java.util.List;

/** {@code import FILE}: imports the service's JSON, all or nothing. */
final class ImportCommand implements Command {
    @Override
    public int run(CliContext context, List<String> args) {
        Args parsed = Args.parse(args, List.of(), List.of());
        if (parsed.positionals().size() != 1) {
            throw new UsageException("usage: " + usage());
        }
        var summary = context.app().importer().importFile(Path.of(parsed.positionals().get(0)));
        context.out().println(summary);
        return ExitCodes.OK;
    }

    @Override
    public String usage() {
        return "import FILE";
    }
}
