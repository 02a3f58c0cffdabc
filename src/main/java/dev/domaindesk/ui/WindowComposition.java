package dev.domaindesk.ui;

import dev.domaindesk.app.AppContext;
import dev.domaindesk.domains.DomainName;
import dev.domaindesk.providers.DnsNameServerLookup;
import dev.domaindesk.providers.DnsProviderCatalog;
import dev.domaindesk.providers.ProviderDetector;
import dev.domaindesk.verification.RecheckScheduler;
import dev.domaindesk.verification.audit.DomainAudit;
import dev.domaindesk.verification.audit.ui.Audits;
import dev.domaindesk.verification.ui.BackgroundChecks;
import dev.domaindesk.verification.ui.CheckLauncher;
import dev.domaindesk.verification.ui.CheckServiceLauncher;
import dev.domaindesk.verification.ui.SchedulerBackgroundChecks;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;

/** Wires the window to the app's services (the few lines between the composition root and the UI ports). */
public final class WindowComposition {
    private WindowComposition() {
    }

    /** The window's services without a background re-checker (tests). */
    public static WindowServices from(AppContext ctx, Executor background) {
        return from(ctx, background, BackgroundChecks.NONE);
    }

    /** The app's background re-checker as the status bar sees it (the caller starts it: ctx.startScheduler()). */
    public static BackgroundChecks scheduler(AppContext ctx) {
        return new SchedulerBackgroundChecks(ctx.scheduler(), ctx.schedule());
    }

    public static WindowServices from(AppContext ctx, Executor background, BackgroundChecks backgroundChecks) {
        DnsProviderCatalog catalog = new DnsProviderCatalog();
        Function<DomainName, ProviderDetector.Detection> detector = name ->
                new ProviderDetector(new DnsNameServerLookup(ctx.settings().load()), catalog).detect(name);
        return new WindowServices(ctx.domains(), ctx.importer(), ctx.exporter(), ctx.settings(), checks(ctx, background),
                backgroundChecks, detector, ctx.clock(), audits(ctx), ctx.history()::ofDomain,
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

    static CheckLauncher checks(AppContext ctx, Executor background) {
        RecheckScheduler scheduler = ctx.scheduler();
        return new CheckServiceLauncher(ctx.checks(), ctx.checks()::storedOptions, background,
                new CheckServiceLauncher.Hold() {
                    @Override
                    public void hold() {
                        scheduler.hold();
                    }

                    @Override
                    public void release() {
                        scheduler.release();
                    }
                });
    }
}
