package dev.domaindesk.verification.dns;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * Finds a zone's authoritative servers through the resolver (NS of the name or its nearest ancestor with NS, then
 * their addresses) and asks them directly, the first server first and the next one when it fails.
 */
public final class Authorities {
    private final DnsClient client;
    private final int port;
    private final Map<Name, CompletableFuture<List<InetSocketAddress>>> servers = new ConcurrentHashMap<>();

    /** {@code port}: where the authoritative servers listen (53; tests use their own server's port). */
    public Authorities(DnsClient client, int port) {
        this.client = client;
        this.port = port;
    }

    /** The authoritative servers of the zone holding {@code name}; empty when none could be found. */
    public CompletableFuture<List<InetSocketAddress>> serversFor(Name name) {
        CompletableFuture<List<InetSocketAddress>> known = servers.get(name);
        if (known != null) {
            return known;
        }
        CompletableFuture<List<InetSocketAddress>> mine = new CompletableFuture<>();
        known = servers.putIfAbsent(name, mine);
        if (known != null) {
            return known;
        }
        find(name).whenComplete((list, error) -> {
            if (error != null) {
                mine.completeExceptionally(error);
            } else {
                mine.complete(list);
            }
        });
        return mine;
    }

    /** An asker that puts questions to the zone's authoritative servers. */
    public Asker askerFor(List<InetSocketAddress> zoneServers) {
        return (name, type) -> ask(zoneServers, 0, name, type);
    }

    private CompletableFuture<DnsAnswer> ask(List<InetSocketAddress> zoneServers, int index, Name name, int type) {
        return client.ask(zoneServers.get(index), name, type).thenCompose(answer ->
                answer.failed() && index + 1 < zoneServers.size()
                        ? ask(zoneServers, index + 1, name, type) : CompletableFuture.completedFuture(answer));
    }

    private CompletableFuture<List<InetSocketAddress>> find(Name name) {
        return client.ask(name, Type.NS).thenCompose(answer -> {
            List<Name> hosts = answer.ofType(Type.NS).stream().map(r -> ((NSRecord) r).getTarget()).toList();
            if (!hosts.isEmpty()) {
                return addresses(hosts);
            }
            if (answer.failed() || name.labels() <= 2) {
                return CompletableFuture.completedFuture(List.of());
            }
            return serversFor(new Name(name, 1));
        });
    }

    private CompletableFuture<List<InetSocketAddress>> addresses(List<Name> hosts) {
        List<CompletableFuture<DnsAnswer>> lookups = hosts.stream().map(h -> client.ask(h, Type.A)).toList();
        return CompletableFuture.allOf(lookups.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<InetSocketAddress> out = new ArrayList<>();
            for (CompletableFuture<DnsAnswer> lookup : lookups) {
                for (Record r : lookup.join().ofType(Type.A)) {
                    InetAddress address = ((ARecord) r).getAddress();
                    InetSocketAddress server = new InetSocketAddress(address, port);
                    if (!out.contains(server)) {
                        out.add(server);
                    }
                }
            }
            return List.copyOf(out);
        });
    }
}
