package dev.domaindesk.cli;

import dev.domaindesk.files.DocumentReader;
import dev.domaindesk.files.ImportService;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.List;

/** {@code import FILE|- [--max-bytes N]}: imports the service's JSON, all or nothing. */
final class ImportCommand implements Command {
    /** How much of standard input {@code import -} reads at most, unless told otherwise. */
    static final long DEFAULT_MAX_STDIN_BYTES = 256L * 1024 * 1024;

    @Override
    public int run(CliContext context, List<String> args) {
        Args parsed = Args.parse(args, List.of("--max-bytes"), List.of());
        if (parsed.positionals().size() != 1) {
            throw new UsageException("usage: " + usage());
        }
        if (parsed.positionals().get(0).equals("-")) {
            // read whole before the store opens: a pipe that stalls must not hold the store meanwhile
            DocumentReader.Contents contents = ImportService.readStream(context.in(), maxBytes(parsed), context.clock());
            context.out().println(context.app().importer().importRead(Path.of("standard input"), contents));
            return ExitCodes.OK;
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

    private static long maxBytes(Args parsed) {
        String text = parsed.value("--max-bytes");
        if (text == null) {
            return DEFAULT_MAX_STDIN_BYTES;
        }
        try {
            long value = Long.parseLong(text.strip());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new UsageException("--max-bytes must be a whole number above 0, got '" + text + "'");
    }

    @Override
    public String usage() {
        return "import FILE|- [--max-bytes N]";
    }
}
