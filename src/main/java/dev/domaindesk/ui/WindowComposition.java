package dev.domaindesk.ui;

import dev.domaindesk.app.AppContext;
import dev.domaindesk.domains.DomainName;
import dev.domaindesk.providers.DnsNameServerLookup;
import dev.domaindesk.providers.DnsProviderCatalog;
import dev.domaindesk.providers.ProviderDetector;
import dev.domaindesk.verification.ui.BackgroundChecks;
import dev.domaindesk.verification.ui.CheckLauncher;
import java.util.function.Function;

/** Wires the window to the app's services (the few lines between the composition root and the UI ports). */
public final class WindowComposition {
    private WindowComposition() {
    }

    public static WindowServices from(AppContext ctx) {
        DnsProviderCatalog catalog = new DnsProviderCatalog();
        Function<DomainName, ProviderDetector.Detection> detector = name ->
                new ProviderDetector(new DnsNameServerLookup(ctx.settings().load()), catalog).detect(name);
        return new WindowServices(ctx.domains(), ctx.importer(), ctx.exporter(), ctx.settings(), checks(ctx),
                BackgroundChecks.NONE, detector, ctx.clock());
    }

    static CheckLauncher checks(AppContext ctx) {
        return (ids, events) -> {
            events.finished(new UnsupportedOperationException("DNS checks are not available in this build"));
            return () -> { };
        };
    }
}
