package dev.domaindesk.cli;

import dev.domaindesk.app.AppContext;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.verification.CheckEvent;
import dev.domaindesk.verification.CheckListener;
import dev.domaindesk.verification.CheckOptions;
import dev.domaindesk.verification.CheckRun;
import dev.domaindesk.verification.CheckSummary;
import dev.domaindesk.verification.ResolverAddress;
import dev.domaindesk.verification.audit.DomainAudit;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * {@code check [DOMAIN|ID ...|--all] [--resolver HOST[:PORT]]... [--authoritative] [--timeout MS] [--audit] [--json]}:
 * checks now, stores the results, prints a table or one JSON document; {@code --audit} also audits the domains
 * (DNSSEC, DKIM keys, sender requirements) and prints the audit. Exit 0 all verified, 1 some not verified,
 * 2 usage or bad input, 3 some checks failed on DNS errors (and none of 1), 6 some domains' results could not be
 * stored (before all others: the report names them).
 */
final class CheckCommand implements Command {
    private static final long MAX_TIMEOUT_MS = 600_000;

    @Override
    public int run(CliContext context, List<String> args) throws Exception {
        Args parsed = Args.parse(args, List.of("--resolver", "--timeout"),
                List.of("--all", "--authoritative", "--json", "--audit"));
        List<String> ids = selectedIds(context.app(), parsed, usage());
        CheckOptions options = options(context.app(), parsed).withAuthoritative(parsed.flag("--authoritative"));
        CheckListener progress = System.console() == null ? CheckListener.NONE : new ProgressLine(context.err());
        CheckResults results = new CheckResults(progress, !parsed.flag("--json"));
        CheckSummary summary = ended(context.app().checks().start(ids, options, results));
        // --audit audits now; otherwise the JSON carries each domain's latest stored audit, if any
        Map<String, DomainAudit> audits = parsed.flag("--audit")
                ? context.app().audits().audit(ids, options).get().stream().collect(Collectors.toMap(DomainAudit::domainId, a -> a))
                : parsed.flag("--json") ? context.app().audits().latest(ids) : Map.of();
        CheckReport report = new CheckReport(ids, results, summary, audits);
        if (parsed.flag("--json")) {
            report.printJson(context.out());
        } else {
            report.printTable(context.out());
        }
        if (!summary.notStored().isEmpty()) {
            return ExitCodes.NOT_STORED;
        }
        if (summary.notVerified() > 0) {
            return ExitCodes.NOT_VERIFIED;
        }
        return summary.dnsErrors() > 0 ? ExitCodes.DNS_OR_NETWORK : ExitCodes.OK;
    }

    /**
     * The run's summary once it ends; a run that failed (its records could not be read, or its results stored)
     * throws what failed, so the command reports it as it reports the same failure anywhere else.
     */
    private static CheckSummary ended(CheckRun run) throws Exception {
        try {
            return run.done().get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** "checked 1200/9000 records" on the terminal's error stream, at most twice a second. */
    private static final class ProgressLine implements CheckListener {
        private final java.io.PrintStream err;
        private long last;

        ProgressLine(java.io.PrintStream err) {
            this.err = err;
        }

        @Override
        public synchronized void on(CheckEvent event) {
            if (!(event instanceof CheckEvent.Progress progress)) {
                return;
            }
            int done = progress.done();
            int total = progress.total();
            long now = System.nanoTime();
            if (done == total || now - last > 500_000_000L) {
                last = now;
                err.print("\rchecked " + done + "/" + total + " records" + (done == total ? "\n" : ""));
                err.flush();
            }
        }
    }

    /** The ids of the named domains, or of every domain with --all (read without reading whole domains). */
    static List<String> selectedIds(AppContext app, Args parsed, String usage) {
        return parsed.flag("--all") && parsed.positionals().isEmpty() ? app.domains().ids()
                : selection(app, parsed, usage).stream().map(Domain::id).toList();
    }

    /** The named domains, or every domain with --all (exactly one of the two). */
    static List<Domain> selection(AppContext app, Args parsed, String usage) {
        boolean all = parsed.flag("--all");
        if (all == !parsed.positionals().isEmpty()) {
            throw new UsageException((all ? "give either domains or --all, not both" : "name the domains, or --all")
                    + "; usage: " + usage);
        }
        return all ? app.domains().list() : domains(app, parsed.positionals());
    }

    private static List<Domain> domains(AppContext app, List<String> namesOrIds) {
        Set<Domain> found = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String n : namesOrIds) {
            app.domains().find(n).ifPresentOrElse(found::add, () -> unknown.add(n));
        }
        if (!unknown.isEmpty()) {
            throw new UsageException("no such domain (by name or id): " + String.join(", ", unknown)
                    + "; 'list' shows the domains");
        }
        return List.copyOf(found);
    }

    /** The stored DNS settings with --resolver and --timeout applied. */
    static CheckOptions options(AppContext app, Args parsed) {
        CheckOptions options = app.checks().storedOptions();
        List<String> resolvers = parsed.values("--resolver");
        if (!resolvers.isEmpty()) {
            List<InetSocketAddress> addresses = new ArrayList<>();
            for (String r : resolvers) {
                try {
                    addresses.add(ResolverAddress.parse(r));
                } catch (IllegalArgumentException e) {
                    throw new UsageException("--resolver: " + e.getMessage());
                }
            }
            options = options.withResolvers(addresses);
        }
        String timeout = parsed.value("--timeout");
        if (timeout != null) {
            options = options.withTimeout(Duration.ofMillis(timeoutMs(timeout)));
        }
        return options;
    }

    private static long timeoutMs(String text) {
        try {
            long ms = Long.parseLong(text.strip());
            if (ms >= 1 && ms <= MAX_TIMEOUT_MS) {
                return ms;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--timeout '" + text + "' is not a number of milliseconds from 1 to " + MAX_TIMEOUT_MS);
    }

    @Override
    public String usage() {
        return "check [DOMAIN|ID ...|--all] [--resolver HOST[:PORT]]... [--authoritative] [--timeout MS] [--audit] [--json]";
    }
}
