package dev.domaindesk.providers;

import dev.domaindesk.domains.DomainName;
import java.util.List;

/** Asks DNS for the NS records of a name. */
public interface NameServerLookup {

    /** The NS host names of {@code name} (empty when the name has none), or throws when DNS could not be asked. */
    List<String> nameServers(DomainName name) throws NameServerLookupException;

    /** DNS did not answer (timeout, SERVFAIL, network): not the same as "no NS records". */
    class NameServerLookupException extends Exception {
        public NameServerLookupException(String message) {
            super(message);
        }
    }
}
