package dev.domaindesk.verification.ui;

import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import java.util.Collection;
import java.util.List;

/** Starts a DNS check of some domains (the engine's CheckService behind it); callbacks come from any thread. */
public interface CheckLauncher {

    Handle start(Collection<String> domainIds, Events events);

    interface Handle {
        void cancel();
    }

    interface Events {
        void progress(int done, int total);

        /** Results that are already stored. */
        void stored(List<Domain> domains, List<DnsRecord> records);

        /** The run ended; {@code failure} is null when it completed or was cancelled. */
        void finished(Throwable failure);
    }
}
