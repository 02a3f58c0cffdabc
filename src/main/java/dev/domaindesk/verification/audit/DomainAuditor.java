package dev.domaindesk.verification.audit;

import dev.domaindesk.domains.Diagnosis;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.verification.dns.Asker;
import dev.domaindesk.verification.dns.DnsAnswer;
import dev.domaindesk.verification.rules.OrganizationalDomain;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/** Audits one domain: asks its questions through {@code asker}, in parallel, and assembles the {@link DomainAudit}. */
final class DomainAuditor {
    private static final int MAX_ALIASES = 8;

    private final Asker asker;
    private final DnssecProbe dnssec;
    private final MtaStsFetcher sts;
    private final Executor blocking;
    private final Clock clock;

    DomainAuditor(Asker asker, DnssecProbe dnssec, MtaStsFetcher sts, Executor blocking, Clock clock) {
        this.asker = asker;
        this.dnssec = dnssec;
        this.sts = sts;
        this.blocking = blocking;
        this.clock = clock;
    }

    CompletableFuture<DomainAudit> audit(Domain domain, List<DnsRecord> records) {
        String name = domain.name().ascii().toLowerCase(Locale.ROOT);
        CompletableFuture<Boolean> hasKeys = ask(name, Type.DNSKEY).thenApply(a -> !a.ofType(Type.DNSKEY).isEmpty());
        CompletableFuture<Dnssec> signed = dnssec.probe(name, hasKeys);
        CompletableFuture<DnsAnswer> mx = ask(name, Type.MX);
        CompletableFuture<List<DkimKey>> keys = dkim(records);
        CompletableFuture<SenderRequirements.DmarcFound> dmarc = dmarc(name);
        CompletableFuture<DnsAnswer> apexTxt = ask(name, Type.TXT);
        CompletableFuture<List<Diagnosis>> reports = dmarc.thenCompose(d -> reportAuthorisations(name, d));
        CompletableFuture<List<Diagnosis>> receiving = mx.thenCompose(m -> receiving(name, m));
        return CompletableFuture.allOf(signed, keys, reports, receiving, apexTxt).thenApply(done -> {
            List<Diagnosis> findings = new ArrayList<>(receiving.join());
            findings.addAll(reports.join());
            DnsAnswer txt = apexTxt.join();
            List<String> spf = txt.failed() ? null : txt(txt).stream()
                    .filter(t -> t.strip().toLowerCase(Locale.ROOT).startsWith("v=spf1")).toList();
            return new DomainAudit(domain.id(), name, clock.instant(), signed.join(), keys.join(), findings,
                    SenderRequirements.judge(name, records, keys.join(), dmarc.join(), spf));
        });
    }

    /** Each record under {@code _domainkey}: its key, following CNAMEs (also out of the zone's authority). */
    private CompletableFuture<List<DkimKey>> dkim(List<DnsRecord> records) {
        List<CompletableFuture<DkimKey>> keys = records.stream()
                .filter(r -> r.name().toLowerCase(Locale.ROOT).contains("._domainkey."))
                .map(r -> key(normal(r.name()), normal(r.name()), 0)).toList();
        return CompletableFuture.allOf(keys.toArray(CompletableFuture[]::new))
                .thenApply(v -> keys.stream().map(CompletableFuture::join).toList());
    }

    private CompletableFuture<DkimKey> key(String selector, String at, int hops) {
        return ask(at, Type.TXT).thenCompose(answer -> {
            if (answer.failed()) {
                return done(new DkimKey(selector, at, DkimKey.Strength.UNKNOWN, null, 0, false,
                        "Couldn't look up the key at " + at + ": " + answer.detail() + "."));
            }
            List<String> txt = txt(answer);
            List<CNAMERecord> aliases = answer.aliases();
            if (txt.isEmpty() && !aliases.isEmpty() && hops < MAX_ALIASES) {
                // a resolver follows the chain itself; an authoritative server stops at a target outside its zone
                return key(selector, normal(aliases.get(aliases.size() - 1).getTarget().toString()), hops + 1);
            }
            String keyName = aliases.isEmpty() ? at : normal(aliases.get(aliases.size() - 1).getTarget().toString());
            if (answer.negative() && !at.equals(selector)) {
                return done(new DkimKey(selector, keyName, DkimKey.Strength.MISSING, null, 0, false,
                        selector + " points to " + at + ", which has no key record."));
            }
            return done(DkimKeys.judge(selector, keyName, txt));
        });
    }

    /** The DMARC record at {@code _dmarc.<domain>}, else at the organisational domain's (RFC 7489 §6.6.3, §3.2). */
    private CompletableFuture<SenderRequirements.DmarcFound> dmarc(String domain) {
        return dmarcAt("_dmarc." + domain).thenCompose(found -> {
            String parent = OrganizationalDomain.of(domain).filter(org -> !org.equals(domain)).orElse(null);
            return found.records().isEmpty() && found.failure() == null && parent != null
                    ? dmarcAt("_dmarc." + parent).thenApply(p -> p.records().isEmpty() ? found : p)
                    : done(found);
        });
    }

    private CompletableFuture<SenderRequirements.DmarcFound> dmarcAt(String name) {
        return ask(name, Type.TXT).thenApply(a -> new SenderRequirements.DmarcFound(name, a.failed() ? List.of()
                : txt(a).stream().filter(t -> t.strip().toUpperCase(Locale.ROOT).startsWith("V=DMARC1")).toList(),
                a.failed() ? a.detail() : null));
    }

    private CompletableFuture<List<Diagnosis>> reportAuthorisations(String domain, SenderRequirements.DmarcFound dmarc) {
        if (dmarc.records().size() != 1) {
            return done(List.of());
        }
        List<CompletableFuture<Diagnosis>> checks = MailPolicies.reportDomains(dmarc.records().get(0)).stream()
                .filter(r -> MailPolicies.external(domain, r))
                .map(r -> ask(MailPolicies.authorisationName(domain, r), Type.TXT).thenApply(a -> a.failed()
                        ? MailPolicies.reportAuthorisationUnknown(domain, r, a.detail())
                        : MailPolicies.reportAuthorisation(domain, r, txt(a)))).toList();
        return CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new))
                .thenApply(v -> checks.stream().map(CompletableFuture::join).toList());
    }

    /** Null MX, MTA-STS (record and policy) and TLS-RPT. */
    private CompletableFuture<List<Diagnosis>> receiving(String domain, DnsAnswer mxAnswer) {
        List<MailPolicies.Mx> mxs = mxAnswer.ofType(Type.MX).stream().map(r -> (MXRecord) r)
                .map(r -> new MailPolicies.Mx(r.getPriority(), normal(r.getTarget().toString()))).toList();
        List<Diagnosis> findings = new ArrayList<>();
        MailPolicies.nullMx(domain, mxs).ifPresent(findings::add);
        CompletableFuture<Diagnosis> mtaSts = ask("_mta-sts." + domain, Type.TXT).thenCompose(a -> {
            if (a.failed()) {
                return done(new Diagnosis("MTA_STS_UNKNOWN", dev.domaindesk.domains.Severity.INFO,
                        "Couldn't look up _mta-sts." + domain + ": " + a.detail() + "."));
            }
            MailPolicies.StsRecord record = MailPolicies.mtaStsRecord(domain, txt(a));
            return record.problem() != null ? done(record.problem()) : policy(domain, record.id(), mxs);
        });
        CompletableFuture<Diagnosis> tlsRpt = ask("_smtp._tls." + domain, Type.TXT).thenApply(a -> a.failed()
                ? new Diagnosis("TLS_RPT_UNKNOWN", dev.domaindesk.domains.Severity.INFO,
                        "Couldn't look up _smtp._tls." + domain + ": " + a.detail() + ".")
                : MailPolicies.tlsRpt(domain, txt(a)));
        return mtaSts.thenCombine(tlsRpt, (s, t) -> {
            findings.add(s);
            findings.add(t);
            return findings;
        });
    }

    private CompletableFuture<Diagnosis> policy(String domain, String id, List<MailPolicies.Mx> mxs) {
        String host = "mta-sts." + domain;
        return ask(host, Type.A).thenCombine(ask(host, Type.AAAA), (a, aaaa) -> {
            List<InetAddress> addresses = new ArrayList<>();
            a.ofType(Type.A).forEach(r -> addresses.add(((ARecord) r).getAddress()));
            aaaa.ofType(Type.AAAA).forEach(r -> addresses.add(((AAAARecord) r).getAddress()));
            return addresses;
        }).thenComposeAsync(addresses -> {
            if (addresses.isEmpty()) {
                return done(MailPolicies.mtaStsUnavailable(domain, host + " has no address"));
            }
            try {
                return done(MailPolicies.mtaStsPolicy(domain, id, sts.fetch(domain, addresses.get(0)), mxs));
            } catch (IOException e) {
                return done(MailPolicies.mtaStsUnavailable(domain, e.getMessage() == null
                        ? e.getClass().getSimpleName() : e.getMessage()));
            }
        }, blocking);
    }

    private CompletableFuture<DnsAnswer> ask(String name, int type) {
        try {
            return asker.ask(Name.fromString(name + "."), type);
        } catch (TextParseException e) {
            return done(DnsAnswer.failure(DnsAnswer.Outcome.NETWORK, "not a DNS name: " + name));
        }
    }

    private static List<String> txt(DnsAnswer answer) {
        return answer.ofType(Type.TXT).stream().map(r -> String.join("", ((TXTRecord) r).getStrings())).toList();
    }

    private static String normal(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }

    private static <T> CompletableFuture<T> done(T value) {
        return CompletableFuture.completedFuture(value);
    }
}
