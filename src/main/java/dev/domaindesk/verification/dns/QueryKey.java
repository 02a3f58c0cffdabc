package dev.domaindesk.verification.dns;

import java.net.InetSocketAddress;
import java.util.Objects;
import org.xbill.DNS.Name;

/**
 * One DNS question to one place (server null: the run's resolvers). An identical key is not asked again while it is
 * in flight or its answer is remembered ({@link DnsClient}).
 */
record QueryKey(Name name, int type, InetSocketAddress server) {
    // Written out: a record's generated equals and hashCode go through method handles, which the command JVM's C1
    // compiler does not inline, and every question of a check is looked up by its key.
    @Override
    public boolean equals(Object o) {
        return o instanceof QueryKey k && type == k.type && name.equals(k.name) && Objects.equals(server, k.server);
    }

    @Override
    public int hashCode() {
        return (name.hashCode() * 31 + type) * 31 + Objects.hashCode(server);
    }
}
