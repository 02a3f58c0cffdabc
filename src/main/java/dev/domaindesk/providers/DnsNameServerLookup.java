package dev.domaindesk.providers;

import dev.domaindesk.domains.DomainName;
import dev.domaindesk.settings.Settings;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/** NS lookups with dnsjava, through the resolvers and timeout of the settings. */
public final class DnsNameServerLookup implements NameServerLookup {
    private static final Logger LOG = LoggerFactory.getLogger(DnsNameServerLookup.class);

    private final Resolver resolver;

    public DnsNameServerLookup(Settings settings) {
        this.resolver = resolver(settings);
    }

    static Resolver resolver(Settings settings) {
        try {
            Resolver r;
            if (settings.resolvers().isEmpty()) {
                r = new ExtendedResolver();
            } else {
                List<Resolver> each = new ArrayList<>();
                for (String address : settings.resolvers()) {
                    each.add(simple(address));
                }
                r = new ExtendedResolver(each);
            }
            r.setTimeout(settings.dnsTimeout());
            return r;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot use resolver: " + e.getMessage(), e);
        }
    }

    private static SimpleResolver simple(String address) throws UnknownHostException {
        int colon = address.lastIndexOf(':');
        boolean hasPort = colon > 0 && address.indexOf(':') == colon;
        SimpleResolver r = new SimpleResolver(hasPort ? address.substring(0, colon) : address);
        if (hasPort) {
            r.setPort(Integer.parseInt(address.substring(colon + 1)));
        }
        return r;
    }

    @Override
    public List<String> nameServers(DomainName name) throws NameServerLookupException {
        Lookup lookup;
        try {
            lookup = new Lookup(Name.fromString(name.ascii() + "."), Type.NS);
        } catch (TextParseException e) {
            throw new NameServerLookupException("'" + name + "' is not a DNS name");
        }
        lookup.setResolver(resolver);
        lookup.setCache(null);
        Record[] answers = lookup.run();
        switch (lookup.getResult()) {
            case Lookup.SUCCESSFUL:
                List<String> hosts = new ArrayList<>();
                for (Record r : answers) {
                    if (r instanceof NSRecord ns) {
                        hosts.add(ns.getTarget().toString(true));
                    }
                }
                return hosts;
            case Lookup.HOST_NOT_FOUND:
            case Lookup.TYPE_NOT_FOUND:
                return List.of();
            default:
                LOG.debug("NS lookup of {} failed: {}", name, lookup.getErrorString());
                throw new NameServerLookupException("DNS did not answer for " + name + " (" + lookup.getErrorString() + ")");
        }
    }
}
