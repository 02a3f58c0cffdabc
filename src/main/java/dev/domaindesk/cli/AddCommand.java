package dev.domaindesk.cli;

import dev.domaindesk.api.json.ServiceDocuments;
import dev.domaindesk.api.json.ServiceJson;
import dev.domaindesk.domains.DomainWithRecords;
import java.util.List;

/** {@code add DOMAIN [--profile NAME]}: adds a domain and prints its dns-records document. */
final class AddCommand implements Command {
    @Override
    public int run(CliContext context, List<String> args) throws Exception {
        Args parsed = Args.parse(args, List.of("--profile"), List.of());
        if (parsed.positionals().size() != 1) {
            throw new UsageException("usage: " + usage());
        }
        DomainWithRecords added = context.app().domains().add(parsed.positionals().get(0), parsed.value("--profile"));
        context.out().println(ServiceJson.mapper().writeValueAsString(ServiceDocuments.dnsRecords(added)));
        return ExitCodes.OK;
    }

    @Override
    public String usage() {
        return "add DOMAIN [--profile NAME]";
    }
}
