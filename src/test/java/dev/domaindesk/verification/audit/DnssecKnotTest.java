package dev.domaindesk.verification.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.testing.KnotServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * DNSSEC states against a real Knot that signs the zones itself (RFC 4033-4035): a signed parent {@code dnssec.test}
 * (the trust anchor) delegating to a signed child with a correct DS, one with a broken DS, a signed child without
 * DS, and an unsigned child.
 */
class DnssecKnotTest {
    @TempDir
    static Path dir;
    static KnotServer knot;
    static String anchor;

    @BeforeAll
    static void signedZones() throws Exception {
        knot = KnotServer.start(dir.resolve("knot"), Map.of("plain.dnssec.test", "@ IN TXT \"plain\""));
        for (String child : List.of("good", "bad", "nods")) {
            knot.signedZone(child + ".dnssec.test", "@ IN TXT \"" + child + "\"");
        }
        StringBuilder parent = new StringBuilder();
        for (String child : List.of("good", "bad", "nods", "plain")) {
            parent.append(child).append(" IN NS ns1.").append(child).append('\n')
                    .append("ns1.").append(child).append(" IN A 127.0.0.1\n");
        }
        parent.append("good IN DS ").append(ds("good.dnssec.test", false)).append('\n');
        parent.append("bad IN DS ").append(ds("bad.dnssec.test", true)).append('\n');
        knot.signedZone("dnssec.test", parent.toString());
        anchor = ksk("dnssec.test").toString();
    }

    @AfterAll
    static void stop() {
        knot.close();
    }

    /** The DS of the child's key-signing key (SHA-256), or one whose digest does not match it. */
    private static String ds(String zone, boolean broken) throws Exception {
        DSRecord ds = new DSRecord(Name.fromString(zone + "."), DClass.IN, 300, DNSSEC.Digest.SHA256, ksk(zone));
        String text = ds.rdataToString();
        if (!broken) {
            return text;
        }
        String digest = text.substring(text.lastIndexOf(' ') + 1);
        String flipped = (digest.charAt(0) == 'A' ? "B" : "A") + digest.substring(1);
        return text.substring(0, text.lastIndexOf(' ') + 1) + flipped;
    }

    private static DNSKEYRecord ksk(String zone) throws Exception {
        SimpleResolver resolver = new SimpleResolver(knot.address());
        Message answer = resolver.send(Message.newQuery(Record.newRecord(Name.fromString(zone + "."), Type.DNSKEY, DClass.IN)));
        return answer.getSection(Section.ANSWER).stream().filter(DNSKEYRecord.class::isInstance)
                .map(DNSKEYRecord.class::cast).filter(k -> (k.getFlags() & 1) == 1).findFirst()
                .orElseThrow(() -> new AssertionError("Knot did not sign " + zone + ":\n" + knot.log()));
    }

    private static Dnssec probe(String domain) throws Exception {
        return probe(domain, anchor);
    }

    private static Dnssec probe(String domain, String anchors) throws Exception {
        DnssecProbe probe = new DnssecProbe(List.of(knot.address()), Duration.ofSeconds(2), anchors, Runnable::run);
        return probe.probe(domain, hasKeys(domain)).get(20, TimeUnit.SECONDS);
    }

    private static java.util.concurrent.CompletableFuture<Boolean> hasKeys(String domain) throws Exception {
        SimpleResolver resolver = new SimpleResolver(knot.address());
        Message answer = resolver.send(Message.newQuery(Record.newRecord(Name.fromString(domain + "."), Type.DNSKEY, DClass.IN)));
        return java.util.concurrent.CompletableFuture.completedFuture(
                answer.getSection(Section.ANSWER).stream().anyMatch(DNSKEYRecord.class::isInstance));
    }

    @Test
    void aSignedZoneWithTheRightDsValidates() throws Exception {
        Dnssec state = probe("good.dnssec.test");
        assertEquals(Dnssec.State.SECURE, state.state(), state.message());
    }

    @Test
    void aBrokenDsIsBogusAndExplainsTheServfailThatResolversAnswer() throws Exception {
        Dnssec state = probe("bad.dnssec.test");
        assertEquals(Dnssec.State.BOGUS, state.state(), state.message());
        assertTrue(state.message().contains("SERVFAIL") && state.message().contains("couldn't be checked"), state.message());
    }

    /** A resolver that does not hand out the anchor's keys (here: no root zone) is no reason to call a zone bogus. */
    @Test
    void anAnchorTheResolverCannotServeLeavesTheStateUnknown() throws Exception {
        Dnssec state = probe("good.dnssec.test", DnssecProbe.ROOT_ANCHORS);
        assertEquals(Dnssec.State.UNKNOWN, state.state(), state.message());
        assertTrue(state.message().startsWith("Couldn't check DNSSEC"), state.message());
    }

    @Test
    void anUnsignedDelegationIsInsecure() throws Exception {
        Dnssec state = probe("plain.dnssec.test");
        assertEquals(Dnssec.State.INSECURE, state.state(), state.message());
        assertTrue(state.message().startsWith("Not signed"), state.message());
    }

    @Test
    void aSignedZoneWithoutDsAtTheParentIsInsecureAndSaysWhy() throws Exception {
        Dnssec state = probe("nods.dnssec.test");
        assertEquals(Dnssec.State.INSECURE, state.state(), state.message());
        assertTrue(state.message().contains("no DS"), state.message());
    }

    @Test
    void aNameBelowASignedApexValidatesItsDenial() throws Exception {
        Dnssec state = probe("mail.good.dnssec.test");
        assertEquals(Dnssec.State.SECURE, state.state(), state.message());
    }
}
