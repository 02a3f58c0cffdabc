package dev.domaindesk.cli;

import dev.domaindesk.api.DocumentReader;
import dev.domaindesk.api.ImportService;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.List;

/** {@code import FILE}: imports the service's JSON, all or nothing. */
final class ImportCommand implements Command {
    @Override
    public int run(CliContext context, List<String> args) {
        Args parsed = Args.parse(args, List.of(), List.of());
        if (parsed.positionals().size() != 1) {
            throw new UsageException("usage: " + usage());
        }
        Path file = Path.of(parsed.positionals().get(0));
        // read and validate the file while the store opens: both take long for a large import
        CompletableFuture<DocumentReader.Contents> reading = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                reading.complete(ImportService.read(file, context.clock()));
            } catch (RuntimeException | Error e) {
                reading.completeExceptionally(e);
            }
        }, "domaindesk-import-read");
        reader.setDaemon(true);
        reader.start();
        ImportService importer = context.app().importer();
        DocumentReader.Contents contents;
        try {
            contents = reading.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        var summary = importer.importRead(file, contents);
        context.out().println(summary);
        return ExitCodes.OK;
    }

    @Override
    public String usage() {
        return "import FILE";
    }
}
