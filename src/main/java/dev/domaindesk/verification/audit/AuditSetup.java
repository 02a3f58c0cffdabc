package dev.domaindesk.verification.audit;

import java.time.Duration;
import java.util.function.Supplier;
import javax.net.ssl.SSLSocketFactory;

/**
 * Where an audit's fixed points are: the DNSSEC trust anchors, and how MTA-STS policies are fetched.
 *
 * @param trustAnchors DS or DNSKEY records in zone-file syntax (the root's by default)
 * @param httpsPort    where policy hosts listen (443; tests use their own server)
 * @param tls          the TLS client that checks the policy host's certificate (the JDK's trust store by default),
 *                     asked for only when an audit runs, since setting up the JDK's TLS slows every command's start
 */
public record AuditSetup(String trustAnchors, int httpsPort, Supplier<SSLSocketFactory> tls, Duration httpsTimeout) {
    public static AuditSetup defaults() {
        return new AuditSetup(DnssecProbe.ROOT_ANCHORS, 443, () -> (SSLSocketFactory) SSLSocketFactory.getDefault(),
                Duration.ofSeconds(10));
    }
}
