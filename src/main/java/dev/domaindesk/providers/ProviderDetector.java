package dev.domaindesk.providers;

import dev.domaindesk.domains.DomainName;
import java.util.List;
import java.util.Optional;

/** Finds which DNS provider hosts a domain: the NS records of the domain, or of its closest parent that has some. */
public final class ProviderDetector {
    private final NameServerLookup lookup;
    private final DnsProviderCatalog catalog;

    public ProviderDetector(NameServerLookup lookup, DnsProviderCatalog catalog) {
        this.lookup = lookup;
        this.catalog = catalog;
    }

    /** What was found: the provider (if recognised), the NS hosts, or why DNS could not tell. */
    public record Detection(Optional<DnsProvider> provider, List<String> nameServers, String problem) {
        public boolean failed() {
            return problem != null;
        }
    }

    /** Blocking: call it off the FX thread. */
    public Detection detect(DomainName domain) {
        String name = domain.ascii();
        try {
            while (name.indexOf('.') > 0) {
                List<String> hosts = lookup.nameServers(new DomainName(name));
                if (!hosts.isEmpty()) {
                    return new Detection(catalog.recognise(hosts), hosts, null);
                }
                name = name.substring(name.indexOf('.') + 1);
            }
            return new Detection(Optional.empty(), List.of(), null);
        } catch (NameServerLookup.NameServerLookupException e) {
            return new Detection(Optional.empty(), List.of(), e.getMessage());
        }
    }
}
