package dev.domaindesk.cli;

import dev.domaindesk.domains.Counted;
import dev.domaindesk.files.ExportFiles;
import dev.domaindesk.files.ExportFormat;
import dev.domaindesk.domains.DomainWithRecords;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** {@code export [DOMAIN|ID ...] --format json|csv|zone [--output FILE] [--absolute]}. */
final class ExportCommand implements Command {
    @Override
    public int run(CliContext context, List<String> args) throws Exception {
        Args parsed = Args.parse(args, List.of("--format", "--output"), List.of("--absolute"));
        if (parsed.value("--format") == null) {
            throw new UsageException("export needs --format json|csv|zone");
        }
        ExportFormat format = ExportFormat.parse(parsed.value("--format"));
        List<DomainWithRecords> selection = context.app().exporter().select(parsed.positionals());
        boolean single = parsed.positionals().size() == 1;
        boolean absolute = parsed.flag("--absolute");
        String output = parsed.value("--output");
        if (output == null) {
            Writer out = new BufferedWriter(new OutputStreamWriter(StandardOutput.checked(context.out()),
                    StandardCharsets.UTF_8));
            context.app().exporter().write(selection, format, single, absolute, out);
            out.flush();
            return ExitCodes.OK;
        }
        Path target = Path.of(output).toAbsolutePath();
        try {
            ExportFiles.write(target, out -> context.app().exporter().write(selection, format, single, absolute, out));
        } catch (IOException e) {
            throw new StandardOutput.OutputFailedException("could not write " + target + ": " + e.getMessage());
        }
        context.err().println("exported " + Counted.of(selection.size(), "domain") + " to " + target);
        return ExitCodes.OK;
    }

    @Override
    public String usage() {
        return "export [DOMAIN|ID ...] --format json|csv|zone [--output FILE] [--absolute]";
    }
}
