package dev.domaindesk.verification.dns;

import java.net.InetSocketAddress;
import org.xbill.DNS.Name;

/**
 * One DNS question to one place (server null: the run's resolvers). An identical key is not asked again while it is
 * in flight or its answer is remembered ({@link DnsClient}).
 */
record QueryKey(Name name, int type, InetSocketAddress server) {
}
