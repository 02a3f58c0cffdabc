package dev.domaindesk.verification.dns;

import java.net.InetSocketAddress;
import org.xbill.DNS.Name;

/** One DNS question to one place (server null: the run's resolvers). Identical keys are asked once while in flight or remembered (DnsClient). */
record QueryKey(Name name, int type, InetSocketAddress server) {
}
