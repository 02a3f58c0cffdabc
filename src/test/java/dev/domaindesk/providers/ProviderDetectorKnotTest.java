package dev.domaindesk.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.domains.DomainName;
import dev.domaindesk.settings.Settings;
import dev.domaindesk.testing.KnotServer;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NS lookups against a real Knot on loopback. */
class ProviderDetectorKnotTest {
    @TempDir
    Path dir;

    private static Settings via(String resolver) {
        return new Settings(List.of(resolver), Duration.ofMillis(1000), 10, Duration.ofMinutes(360),
                Duration.ofHours(72), "us-east-1", Settings.Theme.LIGHT, "");
    }

    @Test
    void detectsTheProviderFromTheZonesNsRecordsAlsoForASubdomain() {
        try (KnotServer knot = KnotServer.start(dir, Map.of(
                "cf.test", "@ 300 IN NS amy.ns.cloudflare.com.\n@ 300 IN NS bob.ns.cloudflare.com.\n",
                "plain.test", "www 300 IN A 192.0.2.1\n"))) {
            ProviderDetector detector = new ProviderDetector(
                    new DnsNameServerLookup(via("127.0.0.1:" + knot.port())), new DnsProviderCatalog());
            ProviderDetector.Detection cf = detector.detect(DomainName.parse("cf.test"));
            assertEquals("Cloudflare", cf.provider().orElseThrow().name());
            assertTrue(cf.nameServers().contains("amy.ns.cloudflare.com"), cf.nameServers().toString());

            ProviderDetector.Detection sub = detector.detect(DomainName.parse("mail.cf.test"));
            assertEquals("Cloudflare", sub.provider().orElseThrow().name());

            ProviderDetector.Detection plain = detector.detect(DomainName.parse("plain.test"));
            assertTrue(plain.provider().isEmpty());
            assertTrue(!plain.failed() && !plain.nameServers().isEmpty());
        }
    }

    @Test
    void aResolverThatNeverAnswersIsReportedAsAProblemNotAsNoProvider() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            ProviderDetector detector = new ProviderDetector(
                    new DnsNameServerLookup(via("127.0.0.1:" + silent.getLocalPort())), new DnsProviderCatalog());
            ProviderDetector.Detection d = detector.detect(DomainName.parse("example.test"));
            assertTrue(d.failed(), d.toString());
            assertTrue(d.provider().isEmpty());
        }
    }
}
