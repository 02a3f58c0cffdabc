package dev.domaindesk.cli;

import dev.domaindesk.api.json.ServiceDocuments;
import dev.domaindesk.api.json.ServiceJson;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainService;
import java.util.List;
import java.util.Map;

/** {@code list [--json]}: every domain as a table, or as the service's list document. */
final class ListCommand implements Command {
    @Override
    public int run(CliContext context, List<String> args) throws Exception {
        Args parsed = Args.parse(args, List.of(), List.of("--json"));
        if (!parsed.positionals().isEmpty()) {
            throw new UsageException("usage: " + usage());
        }
        DomainService service = context.app().domains();
        List<Domain> domains = service.list();
        if (parsed.flag("--json")) {
            int catchAll = (int) domains.stream().filter(d -> d.provider() != null
                    && Boolean.TRUE.equals(d.provider().isCatchAllEnabled())).count();
            ServiceJson.mapper().writeValue(context.out(), ServiceDocuments.list(domains, Math.max(domains.size(), 1),
                    0, domains.size(), service.countByStatus(), catchAll));
            context.out().println();
            return ExitCodes.OK;
        }
        Map<String, List<DnsRecord>> records = service.records(domains.stream().map(Domain::id).toList());
        TextTable table = new TextTable("DOMAIN", "STATUS", "VERIFIED", "LAST CHECK", "ID");
        for (Domain d : domains) {
            List<DnsRecord> required = records.getOrDefault(d.id(), List.of()).stream()
                    .filter(DnsRecord::isRequired).toList();
            long verified = required.stream().filter(DnsRecord::isVerified).count();
            table.row(d.name().unicode(), d.status().wire(), verified + "/" + required.size(),
                    ServiceJson.format(d.lastDnsCheck()), d.id());
        }
        table.print(context.out());
        return ExitCodes.OK;
    }

    @Override
    public String usage() {
        return "list [--json]";
    }
}
