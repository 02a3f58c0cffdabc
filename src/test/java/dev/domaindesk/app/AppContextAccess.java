package dev.domaindesk.app;

import dev.domaindesk.domains.DomainRepository;
import dev.domaindesk.store.Database;

/** What tests reach inside the composition root (the store itself); commands and the window go through services. */
public final class AppContextAccess {
    private AppContextAccess() {
    }

    public static Database database(AppContext app) {
        return app.database();
    }

    public static DomainRepository repository(AppContext app) {
        return app.repository();
    }
}
