package dev.domaindesk.cli;

import dev.domaindesk.domains.Counted;
import dev.domaindesk.api.json.ServiceDocuments;
import dev.domaindesk.api.json.ServiceJson;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainWithRecords;
import java.util.List;

/** {@code records DOMAIN|ID [--json]}: a domain's records as a table, or its dns-records document. */
final class RecordsCommand implements Command {
    @Override
    public int run(CliContext context, List<String> args) throws Exception {
        Args parsed = Args.parse(args, List.of(), List.of("--json"));
        if (parsed.positionals().size() != 1) {
            throw new UsageException("usage: " + usage());
        }
        Domain domain = context.app().domains().require(parsed.positionals().get(0));
        List<DnsRecord> records = context.app().domains().records(domain.id());
        if (parsed.flag("--json")) {
            context.out().println(ServiceJson.mapper().writeValueAsString(
                    ServiceDocuments.dnsRecords(new DomainWithRecords(domain, records))));
            return ExitCodes.OK;
        }
        TextTable table = new TextTable("TYPE", "NAME", "VALUE", "PRIORITY", "STATUS", "LAST CHECKED");
        for (DnsRecord r : records) {
            table.row(r.recordType(), r.name(), r.target(), r.effectivePriority(), status(r),
                    ServiceJson.format(r.lastChecked()));
        }
        long verified = records.stream().filter(DnsRecord::isVerified).count();
        context.out().println(domain.name().unicode() + ": " + domain.status().wire() + ", " + verified + " of "
                + Counted.of(records.size(), "record") + " verified (id " + domain.id() + ")");
        table.print(context.out());
        return ExitCodes.OK;
    }

    private static String status(DnsRecord r) {
        String verdict = r.isVerified() ? "verified" : "not verified";
        return switch (r.checkState()) {
            case UNCHECKED -> "not checked yet";
            case DNS_ERROR -> verdict + " (last check: couldn't reach DNS)";
            default -> verdict + (r.diagnoses().isEmpty() ? "" : " (" + r.diagnoses().get(0).code() + ")");
        };
    }

    @Override
    public String usage() {
        return "records DOMAIN|ID [--json]";
    }
}
