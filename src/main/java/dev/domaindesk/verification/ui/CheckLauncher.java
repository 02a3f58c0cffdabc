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
        /** Records with a verdict so far, of all the run's records. */
        void progress(int done, int total);

        /** Results that are already stored. */
        void stored(List<Domain> domains, List<DnsRecord> records);

        /**
         * The run ended; {@code failure} is null when it completed or was cancelled, {@code offline} is true when
         * no DNS server answered at all.
         */
        void finished(Throwable failure, boolean offline);
    }
}
