package dev.domaindesk.ui;

import dev.domaindesk.app.AppContext;
import dev.domaindesk.domains.DomainName;
import dev.domaindesk.providers.DnsNameServerLookup;
import dev.domaindesk.providers.DnsProviderCatalog;
import dev.domaindesk.providers.ProviderDetector;
import dev.domaindesk.verification.ui.BackgroundChecks;
import dev.domaindesk.verification.ui.CheckLauncher;
import dev.domaindesk.verification.CheckService;
import dev.domaindesk.verification.ui.CheckServiceLauncher;
import java.util.concurrent.Executor;
import java.util.function.Function;

/** Wires the window to the app's services (the few lines between the composition root and the UI ports). */
public final class WindowComposition {
    private WindowComposition() {
    }

    public static WindowServices from(AppContext ctx, Executor background) {
        DnsProviderCatalog catalog = new DnsProviderCatalog();
        Function<DomainName, ProviderDetector.Detection> detector = name ->
                new ProviderDetector(new DnsNameServerLookup(ctx.settings().load()), catalog).detect(name);
        return new WindowServices(ctx.domains(), ctx.importer(), ctx.exporter(), ctx.settings(), checks(ctx, background),
                BackgroundChecks.NONE, detector, ctx.clock());
    }

    static CheckLauncher checks(AppContext ctx, Executor background) {
        CheckService service = new CheckService(ctx.repository(), ctx.clock());
        return new CheckServiceLauncher(service, () -> CheckServiceLauncher.options(ctx.settings().load()), background);
    }
}
