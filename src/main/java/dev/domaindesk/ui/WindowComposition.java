package dev.domaindesk.ui;

import dev.domaindesk.app.AppContext;
import dev.domaindesk.domains.DomainName;
import dev.domaindesk.providers.DnsNameServerLookup;
import dev.domaindesk.providers.DnsProviderCatalog;
import dev.domaindesk.providers.ProviderDetector;
import dev.domaindesk.store.ScheduleStore;
import dev.domaindesk.verification.CheckService;
import dev.domaindesk.verification.CheckSettings;
import dev.domaindesk.verification.EngineBulkChecker;
import dev.domaindesk.verification.RecheckScheduler;
import dev.domaindesk.verification.ScheduleSettings;
import dev.domaindesk.verification.ui.BackgroundChecks;
import dev.domaindesk.verification.ui.CheckLauncher;
import dev.domaindesk.verification.ui.CheckServiceLauncher;
import dev.domaindesk.verification.ui.SchedulerBackgroundChecks;
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

    /** The background re-checker over the app's store, started by the caller and closed on exit. */
    public static Scheduler scheduler(AppContext ctx) {
        ScheduleStore store = new ScheduleStore(ctx.database());
        CheckService service = ctx.checks();
        RecheckScheduler scheduler = new RecheckScheduler(
                new EngineBulkChecker(service, EngineBulkChecker.fromSettings(ctx.repository())), store,
                () -> ScheduleSettings.load(ctx.repository()), ctx.clock(), RecheckScheduler.DEFAULT_CHUNK);
        return new Scheduler(scheduler, new SchedulerBackgroundChecks(scheduler, store));
    }

    /** The scheduler and its view for the status bar. */
    public record Scheduler(RecheckScheduler scheduler, BackgroundChecks checks) {
    }

    public static WindowServices from(AppContext ctx, Executor background, BackgroundChecks backgroundChecks) {
        DnsProviderCatalog catalog = new DnsProviderCatalog();
        Function<DomainName, ProviderDetector.Detection> detector = name ->
                new ProviderDetector(new DnsNameServerLookup(ctx.settings().load()), catalog).detect(name);
        return new WindowServices(ctx.domains(), ctx.importer(), ctx.exporter(), ctx.settings(), checks(ctx, background),
                backgroundChecks, detector, ctx.clock());
    }

    static CheckLauncher checks(AppContext ctx, Executor background) {
        return new CheckServiceLauncher(ctx.checks(), () -> CheckSettings.read(ctx.repository()), background);
    }
}
