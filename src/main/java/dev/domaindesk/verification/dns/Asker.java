package dev.domaindesk.verification.dns;

import java.util.concurrent.CompletableFuture;
import org.xbill.DNS.Name;

/** Somewhere to ask a DNS question: the run's resolvers, or a zone's authoritative servers. */
@FunctionalInterface
public interface Asker {
    CompletableFuture<DnsAnswer> ask(Name name, int type);
}
