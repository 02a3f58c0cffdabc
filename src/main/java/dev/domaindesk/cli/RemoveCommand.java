package dev.domaindesk.cli;

import dev.domaindesk.domains.Counted;
import dev.domaindesk.domains.Domain;
import java.util.List;

/** {@code remove DOMAIN|ID}: removes a domain with all its records. */
final class RemoveCommand implements Command {
    @Override
    public int run(CliContext context, List<String> args) {
        Args parsed = Args.parse(args, List.of(), List.of());
        if (parsed.positionals().size() != 1) {
            throw new UsageException("usage: " + usage());
        }
        Domain domain = context.app().domains().require(parsed.positionals().get(0));
        int records = context.app().domains().remove(domain.id());
        context.out().println("removed " + domain.name() + " (" + domain.id() + ") and its " + Counted.of(records, "record"));
        return ExitCodes.OK;
    }

    @Override
    public String usage() {
        return "remove DOMAIN|ID";
    }
}
