package dev.domaindesk.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DnsProviderCatalogTest {
    private final DnsProviderCatalog catalog = new DnsProviderCatalog();

    @ParameterizedTest
    @CsvSource({
        "amy.ns.cloudflare.com., Cloudflare",
        "ns-1234.awsdns-26.org, Route 53",
        "NS01.DOMAINCONTROL.COM, GoDaddy",
        "dns1.registrar-servers.com, Namecheap",
        "ns1-05.azure-dns.com, Azure DNS",
        "ns1.digitalocean.com, DigitalOcean",
        "hydrogen.ns.hetzner.com, Hetzner",
        "dns10.ovh.net, OVH",
        "ns-cloud-a1.googledomains.com, Google",
        "ns1.gandi.net, Gandi"
    })
    void recognisesProvidersByTheirNameServers(String ns, String provider) {
        assertEquals(provider, catalog.recognise(List.of(ns)).orElseThrow().name());
        assertTrue(!catalog.recognise(List.of(ns)).orElseThrow().hint().isBlank());
    }

    @ParameterizedTest
    @CsvSource({"ns1.example.net", "a.iana-servers.net"})
    void unknownNameServersAreNotGuessed(String ns) {
        assertTrue(catalog.recognise(List.of(ns)).isEmpty());
    }
}
