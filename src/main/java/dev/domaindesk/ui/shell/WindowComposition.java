package dev.domaindesk.ui.shell;

import dev.domaindesk.app.AppContext;
import dev.domaindesk.domains.DomainName;
import dev.domaindesk.providers.DnsNameServerLookup;
import dev.domaindesk.providers.DnsProviderCatalog;
import dev.domaindesk.providers.ProviderDetector;
import dev.domaindesk.verification.BackgroundChecks;
import dev.domaindesk.verification.audit.DomainAudit;
import dev.domaindesk.verification.audit.ui.Audits;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Wires the window to the app's services (the few lines between the composition root and the UI ports). */
public final class WindowComposition {
    private WindowComposition() {
    }

    /** The window's services without a background re-checker (tests). */
    public static WindowServices from(AppContext ctx) {
        return from(ctx, BackgroundChecks.NONE);
    }

    /** The app's background re-checker as the status bar sees it (the caller starts it: ctx.startScheduler()). */
    public static BackgroundChecks scheduler(AppContext ctx) {
        return ctx.scheduler();
    }

    /** Checks started by hand hold the background re-checker while they run (they check the same domains). */
    public static WindowServices from(AppContext ctx, BackgroundChecks backgroundChecks) {
        DnsProviderCatalog catalog = new DnsProviderCatalog();
        Function<DomainName, ProviderDetector.Detection> detector = name ->
                new ProviderDetector(new DnsNameServerLookup(ctx.settings().load()), catalog).detect(name);
        return new WindowServices(ctx.domains(), ctx.importer(), ctx.exporter(), ctx.settings(),
                ctx.scheduler().holding(ctx.checks()), backgroundChecks, detector, ctx.clock(), audits(ctx), ctx.history()::ofDomain,
                ctx.storeChanges()::addListener);
    }

    static Audits audits(AppContext ctx) {
        return new Audits() {
            @Override
            public Optional<DomainAudit> latest(String domainId) {
                return ctx.audits().latest(domainId);
            }

            @Override
            public Optional<DomainAudit> run(String domainId) {
                return ctx.audits().audit(List.of(domainId), ctx.checks().storedOptions()).join().stream().findFirst();
            }
        };
    }
}
