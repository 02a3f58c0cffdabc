package dev.domaindesk.verification.audit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;
import org.xbill.DNS.dnssec.ValidatingResolver;

/**
 * Validates a domain's answers itself (dnsjava's {@link ValidatingResolver}, from a trust anchor) through the check's
 * resolvers, which are asked with the CD bit so that a validating resolver passes a broken chain on instead of
 * answering SERVFAIL. Secure: the chain from the anchor holds; insecure: provably unsigned; bogus: signed but broken.
 */
public final class DnssecProbe {
    /** The root zone's key-signing keys (KSK-2017 and KSK-2024) as IANA publishes them. */
    public static final String ROOT_ANCHORS = """
            . 172800 IN DS 20326 8 2 E06D44B80B8F1D39A95C0B0D7C65D08458E880409BBC683457104237C7F8EC8D
            . 172800 IN DS 38696 8 2 683D2D0ACB8C9B712A1948B27F741219298D0A450D612C483AF444A4C0FB2B16
            """;

    private final ValidatingResolver validator;
    private final Resolver head;
    private final Name anchorZone;
    private final Executor executor;
    private CompletableFuture<Boolean> anchorKeys;

    /** {@code anchors}: DS or DNSKEY records in zone-file syntax; {@code resolvers} as the check asks them. */
    public DnssecProbe(List<InetSocketAddress> resolvers, Duration timeout, String anchors, Executor executor) {
        this.head = resolvers.size() == 1 ? new SimpleResolver(resolvers.get(0))
                : new ExtendedResolver(resolvers.stream().map(SimpleResolver::new).toArray(Resolver[]::new));
        head.setTimeout(timeout);
        this.validator = new ValidatingResolver(head);
        this.validator.setTimeout(timeout);
        this.executor = executor;
        try {
            this.anchorZone = Name.fromString(anchors.strip().split("\\s+", 2)[0]);
            validator.loadTrustAnchors(new ByteArrayInputStream(anchors.getBytes(StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable DNSSEC trust anchors", e);
        }
    }

    /**
     * The state of {@code domain}'s answers (its SOA question: data at a zone apex, a signed denial elsewhere);
     * {@code hasKeys} tells "unsigned" from "signed, but the parent has no DS".
     */
    public CompletableFuture<Dnssec> probe(String domain, CompletableFuture<Boolean> hasKeys) {
        Name name;
        try {
            name = Name.fromString(domain + ".");
        } catch (TextParseException e) {
            return CompletableFuture.completedFuture(new Dnssec(Dnssec.State.UNKNOWN, "not a DNS name: " + domain));
        }
        Message query = Message.newQuery(Record.newRecord(name, Type.SOA, DClass.IN));
        return validator.sendAsync(query, executor).toCompletableFuture()
                .thenCompose(response -> judge(domain, response, hasKeys))
                .thenCompose(this::unlessAnchorUnreachable)
                .exceptionally(e -> new Dnssec(Dnssec.State.UNKNOWN, "Couldn't check DNSSEC: no answer from the resolver ("
                        + rootMessage(e) + ")."));
    }

    private static CompletableFuture<Dnssec> judge(String domain, Message response, CompletableFuture<Boolean> hasKeys) {
        if (response.getHeader().getFlag(Flags.AD)) {
            return CompletableFuture.completedFuture(new Dnssec(Dnssec.State.SECURE,
                    "Signed, and the chain of trust from the root validates."));
        }
        int rcode = response.getRcode();
        if (rcode == Rcode.SERVFAIL) {
            String reason = reason(response);
            if (reason == null) {
                return CompletableFuture.completedFuture(new Dnssec(Dnssec.State.UNKNOWN,
                        "Couldn't check DNSSEC: the resolver answered SERVFAIL."));
            }
            return CompletableFuture.completedFuture(new Dnssec(Dnssec.State.BOGUS, "Signed, but validation fails ("
                    + reason + "). Validating resolvers (most ISPs, 8.8.8.8, 1.1.1.1) answer SERVFAIL for " + domain
                    + ": receivers cannot see its records, and that is why its records \"couldn't be checked\" "
                    + "(DNS error) through such a resolver. Fix the DS record at the parent (registrar) or the signing."));
        }
        return hasKeys.handle((keys, error) -> Boolean.TRUE.equals(keys)
                ? new Dnssec(Dnssec.State.INSECURE, "The zone publishes DNSKEY records, but the parent has no DS "
                        + "for them: resolvers treat it as unsigned. Add the DS at the registrar to turn DNSSEC on.")
                : new Dnssec(Dnssec.State.INSECURE, "Not signed (no DNSSEC): answers cannot be authenticated."));
    }

    /**
     * A failure to validate is only "bogus" when the resolvers hand out the trust anchor's own keys: one that does
     * not (no DNSSEC records, or not answering for the anchor) makes every chain fail to validate.
     */
    private CompletableFuture<Dnssec> unlessAnchorUnreachable(Dnssec state) {
        if (state.state() != Dnssec.State.BOGUS) {
            return CompletableFuture.completedFuture(state);
        }
        return anchorKeys().thenApply(reachable -> reachable ? state : new Dnssec(Dnssec.State.UNKNOWN,
                "Couldn't check DNSSEC: the resolver does not hand out the DNSSEC keys of the trust anchor ("
                        + anchorZone + "), so no chain can be validated through it."));
    }

    private synchronized CompletableFuture<Boolean> anchorKeys() {
        if (anchorKeys == null) {
            Message query = Message.newQuery(Record.newRecord(anchorZone, Type.DNSKEY, DClass.IN));
            anchorKeys = head.sendAsync(query, executor).toCompletableFuture()
                    .thenApply(m -> m.getRcode() == Rcode.NOERROR && m.getSection(Section.ANSWER).stream()
                            .anyMatch(r -> r.getType() == Type.DNSKEY) && m.getSection(Section.ANSWER).stream()
                            .anyMatch(r -> r.getType() == Type.RRSIG))
                    .exceptionally(e -> false);
        }
        return anchorKeys;
    }

    /** The validator's reason for a bogus answer: a TXT record of its private class in the additional section. */
    private static String reason(Message response) {
        for (Record r : response.getSection(Section.ADDITIONAL)) {
            if (r instanceof TXTRecord txt && r.getDClass() == ValidatingResolver.VALIDATION_REASON_QCLASS) {
                return String.join("", txt.getStrings());
            }
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
