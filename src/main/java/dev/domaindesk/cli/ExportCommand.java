package dev.domaindesk.cli;

import dev.domaindesk.api.ExportFormat;
import dev.domaindesk.domains.DomainWithRecords;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
            Writer out = new BufferedWriter(new OutputStreamWriter(context.out(), StandardCharsets.UTF_8));
            context.app().exporter().write(selection, format, single, absolute, out);
            return ExitCodes.OK;
        }
        Path target = Path.of(output).toAbsolutePath();
        Path temp = Files.createTempFile(target.getParent(), ".export-", ".tmp");
        try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            context.app().exporter().write(selection, format, single, absolute, out);
        } catch (Exception e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        context.err().println("exported " + selection.size() + " domain(s) to " + target);
        return ExitCodes.OK;
    }

    @Override
    public String usage() {
        return "export [DOMAIN|ID ...] --format json|csv|zone [--output FILE] [--absolute]";
    }
}
