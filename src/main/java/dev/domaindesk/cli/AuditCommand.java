package dev.domaindesk.cli;

import dev.domaindesk.domains.Counted;
import dev.domaindesk.files.ExportFiles;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.verification.CheckOptions;
import dev.domaindesk.verification.audit.AuditCsv;
import dev.domaindesk.verification.audit.DomainAudit;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code audit [DOMAIN|ID ...|--all] [--resolver HOST[:PORT]]... [--timeout MS] [--json|--csv] [--output FILE]}:
 * DNSSEC, DKIM keys, receiving and reporting records and the sender checklist, stored and printed. Exit 0 when
 * nothing fails, 1 when a sender requirement fails or DNSSEC is bogus, 2 usage.
 */
final class AuditCommand implements Command {
    @Override
    public int run(CliContext context, List<String> args) throws Exception {
        Args parsed = Args.parse(args, List.of("--resolver", "--timeout", "--output"), List.of("--all", "--json", "--csv"));
        boolean csv = parsed.flag("--csv");
        boolean json = parsed.flag("--json");
        if (csv && json) {
            throw new UsageException("give --json or --csv, not both");
        }
        String output = parsed.value("--output");
        if (output != null && !csv && !json) {
            throw new UsageException("--output needs --csv or --json");
        }
        List<Domain> domains = CheckCommand.selection(context.app(), parsed, usage());
        CheckOptions options = CheckCommand.options(context.app(), parsed);
        List<DomainAudit> audits = context.app().audits().audit(domains.stream().map(Domain::id).toList(), options).get();
        ExportFiles.Content content = out -> {
            if (csv) {
                AuditCsv.write(audits, out);
            } else {
                out.write(AuditReport.json(audits));
            }
        };
        if (output != null) {
            Path target = Path.of(output).toAbsolutePath();
            try {
                ExportFiles.write(target, content);
            } catch (IOException e) {
                throw new StandardOutput.OutputFailedException("could not write " + target + ": " + e.getMessage());
            }
            context.err().println("audit of " + Counted.of(audits.size(), "domain") + " written to " + target);
        } else if (csv || json) {
            Writer out = new BufferedWriter(new OutputStreamWriter(StandardOutput.checked(context.out()),
                    StandardCharsets.UTF_8));
            content.write(out);
            out.flush();
        } else {
            AuditReport.printText(audits, context.out());
        }
        return audits.stream().anyMatch(AuditReport::failing) ? ExitCodes.NOT_VERIFIED : ExitCodes.OK;
    }

    @Override
    public String usage() {
        return "audit [DOMAIN|ID ...|--all] [--resolver HOST[:PORT]]... [--timeout MS] [--json|--csv] [--output FILE]";
    }
}
