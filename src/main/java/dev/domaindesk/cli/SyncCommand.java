package dev.domaindesk.cli;

import dev.domaindesk.domains.Counted;
import dev.domaindesk.api.client.ApiException;
import dev.domaindesk.api.client.SyncListener;
import dev.domaindesk.api.client.SyncReport;
import java.util.List;

/**
 * {@code sync [--api-url URL]}: makes the store the service's view, all or nothing. The key comes from
 * DOMAINDESK_API_KEY or the key file, never from the command line.
 */
final class SyncCommand implements Command {
    @Override
    public int run(CliContext context, List<String> args) {
        Args parsed = Args.parse(args, List.of("--api-url"), List.of());
        if (!parsed.positionals().isEmpty()) {
            throw new UsageException("usage: " + usage() + " (the key comes from DOMAINDESK_API_KEY or the key file,"
                    + " never from the command line)");
        }
        SyncReport report;
        try {
            report = context.app().sync().sync(parsed.value("--api-url"), new Progress(context));
        } catch (ApiException e) {
            return ApiFailures.report(context, "sync", e);
        }
        context.out().printf("synced %s with %s from %s: %d new, %d updated%n", Counted.of(report.domains(), "domain"),
                Counted.of(report.records(), "record"), report.endpoint(), report.added(), report.updated());
        context.out().printf("removed %s the service no longer has (with %s)%n", Counted.of(report.removed(), "domain"),
                Counted.of(report.removedRecords(), "record"));
        if (!report.disagreements().isEmpty()) {
            context.out().printf("%s where the service and DomainDesk's own check disagree:%n",
                    Counted.of(report.disagreements().size(), "record"));
            report.disagreements().forEach(d -> context.out().println("  " + d));
        }
        return ExitCodes.OK;
    }

    @Override
    public String usage() {
        return "sync [--api-url URL]";
    }

    /** Progress on stderr, a line per phase, so stdout stays the summary. */
    private static final class Progress implements SyncListener {
        private final CliContext context;
        private Phase shown;

        Progress(CliContext context) {
            this.context = context;
        }

        @Override
        public synchronized void progress(Phase phase, int done, int total) {
            if (phase != shown) {
                shown = phase;
                context.err().println(switch (phase) {
                    case LISTING -> "listing domains ...";
                    case RECORDS -> "downloading the records of " + Counted.of(total, "domain") + " ...";
                    case WRITING -> "writing to the store ...";
                });
            }
        }
    }
}
