package dev.domaindesk.verification;

import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.RecordType;
import dev.domaindesk.verification.dns.Asker;
import dev.domaindesk.verification.dns.DnsAnswer;
import dev.domaindesk.verification.rules.CnameRule;
import dev.domaindesk.verification.rules.Diagnoses;
import dev.domaindesk.verification.rules.DmarcRule;
import dev.domaindesk.verification.rules.Evaluation;
import dev.domaindesk.verification.rules.MxRule;
import dev.domaindesk.verification.rules.Names;
import dev.domaindesk.verification.rules.OrganizationalDomain;
import dev.domaindesk.verification.rules.SpfRule;
import dev.domaindesk.verification.rules.TxtRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Checks one record against one place to ask: the question for its type, the rule for its kind, and the
 * follow-up questions that explain a failure (doubled name, flattened CNAME, wrong type).
 */
final class RecordChecker {
    private final SpfCheck spf;

    RecordChecker(SpfLookups spf) {
        this.spf = new SpfCheck(spf);
    }

    /** What kind of rule judges the record. */
    enum Kind { TOKEN, SPF, DMARC, MX, CNAME }

    static Kind kindOf(DnsRecord record) {
        return switch (record.recordType()) {
            case MX -> Kind.MX;
            case CNAME -> Kind.CNAME;
            case TXT -> SpfRule.isSpf(record.value()) ? Kind.SPF
                    : record.value().strip().toLowerCase(Locale.ROOT).startsWith("v=dmarc1") ? Kind.DMARC : Kind.TOKEN;
        };
    }

    static int dnsType(RecordType type) {
        return switch (type) {
            case TXT -> Type.TXT;
            case MX -> Type.MX;
            case CNAME -> Type.CNAME;
        };
    }

    /**
     * The DNS name of {@code name}. A bulk check asks for the same few names of each record several times (its
     * question, the owner of its answer's records, the follow-ups), so recent ones are remembered: parsing a name
     * is most of what this costs.
     */
    static Name dnsName(String name) {
        int slot = name.hashCode() & (RECENT_NAMES.length - 1);
        ParsedName recent = RECENT_NAMES[slot];
        if (recent != null && recent.text().equals(name)) {
            return recent.name();
        }
        Name parsed;
        try {
            parsed = Name.fromString(Names.normalize(name) + ".");
        } catch (TextParseException e) {
            throw new IllegalArgumentException("not a DNS name: " + name, e);
        }
        RECENT_NAMES[slot] = new ParsedName(name, parsed);
        return parsed;
    }

    /** A name as written and as parsed; a whole entry is replaced at once, so threads never see half of one. */
    private record ParsedName(String text, Name name) {
    }

    private static final ParsedName[] RECENT_NAMES = new ParsedName[4096];

    /** The first answer for the record's name and type, asked through {@code asker}. */
    CompletableFuture<DnsAnswer> primary(DnsRecord record, Asker asker) {
        return asker.ask(dnsName(record.name()), dnsType(record.recordType()));
    }

    /** Judges {@code primary} and asks the follow-up questions through {@code asker}. */
    CompletableFuture<Evaluation> evaluate(DnsRecord record, String zone, DnsAnswer primary, Asker asker) {
        String name = Names.normalize(record.name());
        if (primary.failed()) {
            return done(failure(name, primary));
        }
        Kind kind = kindOf(record);
        Evaluation base = primary.negative() ? negative(record, name, primary) : judge(record, kind, name, zone, primary);
        CompletableFuture<Evaluation> result = done(base);
        if (!base.verified()) {
            if (kind == Kind.DMARC && (primary.negative() || DmarcRule.noneMeant(txt(primary)))) {
                result = result.thenCompose(e -> organizational(record, name, asker, e));
            }
            result = result.thenCompose(e -> e.verified() ? done(e) : doubled(record, kind, name, zone, asker, e));
            if (kind == Kind.CNAME && primary.negative()) {
                result = result.thenCompose(e -> flattened(record, name, asker, e));
            }
            if (kind == Kind.MX && primary.negative()) {
                result = result.thenCompose(e -> mxAsText(record, name, asker, e));
            }
        } else if (kind == Kind.SPF) {
            result = spf.judge(name, record.value(), txt(primary));
        }
        if (kind == Kind.CNAME && !primary.negative() && !base.verified() && base.has("VALUE_MISMATCH")
                && !base.found().isEmpty()) {
            result = result.thenCompose(e -> CnameChecks.chain(record.value(), base.found().get(0), asker, e));
        }
        if (!primary.negative()) {
            result = result.thenCompose(e -> e.state() == CheckState.DNS_ERROR ? done(e)
                    : CnameChecks.besideOtherData(kind == Kind.CNAME, dnsType(record.recordType()), name, primary, asker, e));
        }
        return result;
    }

    // The helpers below run for every answer of a bulk check on the DNS thread: plain loops, as the command JVM's C1
    // compiler leaves a stream's pipeline objects and calls in place.
    private static Evaluation judge(DnsRecord record, Kind kind, String name, String zone, DnsAnswer answer) {
        if (kind == Kind.CNAME) {
            Name owner = dnsName(name);
            List<String> targets = new ArrayList<>(1);
            for (CNAMERecord c : answer.aliases()) {
                if (c.getName().equals(owner)) {
                    targets.add(c.getTarget().toString());
                }
            }
            return CnameRule.evaluate(record.value(), targets, zone);
        }
        List<String> aliases = aliasTargets(answer);
        if (answer.ofType(dnsType(record.recordType())).isEmpty()) {
            return Evaluation.of(CheckState.MISMATCH, aliases, Diagnoses.cnameConflict(name, aliases));
        }
        Evaluation e = switch (kind) {
            case MX -> MxRule.evaluate(record.target(), preference(record), mx(answer), zone);
            case SPF -> SpfRule.evaluate(name, record.value(), txt(answer));
            case DMARC -> DmarcRule.evaluate(name, record.value(), txt(answer));
            default -> TxtRule.evaluate(record.value(), txt(answer));
        };
        return e.verified() || aliases.isEmpty() ? e : e.with(Diagnoses.cnameConflict(name, aliases));
    }

    private static int preference(DnsRecord record) {
        Integer p = record.effectivePriority();
        return p == null ? 10 : p;
    }

    private static Evaluation negative(DnsRecord record, String name, DnsAnswer answer) {
        return Evaluation.of(CheckState.MISSING, List.of(), answer.outcome() == DnsAnswer.Outcome.NXDOMAIN
                ? Diagnoses.nxdomain(name) : Diagnoses.nodata(name, record.recordType().name()));
    }

    static Evaluation failure(String name, DnsAnswer answer) {
        var diagnosis = switch (answer.outcome()) {
            case SERVFAIL -> Diagnoses.dnsServfail(name, answer.detail());
            case REFUSED -> Diagnoses.dnsRefused(name, answer.detail());
            case NETWORK -> Diagnoses.dnsUnreachable(name, answer.detail());
            default -> Diagnoses.dnsTimeout(name, answer.detail());
        };
        return Evaluation.of(CheckState.DNS_ERROR, List.of(), diagnosis);
    }

    /**
     * No DMARC record at {@code _dmarc.<domain>}: receivers use the organisational domain's (RFC 7489 section
     * 6.6.3). A failed lookup there leaves the verdict a DNS error: whether the domain is covered is unknown.
     */
    private CompletableFuture<Evaluation> organizational(DnsRecord record, String name, Asker asker, Evaluation e) {
        String identity = name.startsWith("_dmarc.") ? name.substring("_dmarc.".length()) : name;
        Optional<String> org = OrganizationalDomain.of(identity);
        if (org.isEmpty() || org.get().equals(identity)) {
            return done(e);
        }
        String orgName = "_dmarc." + org.get();
        return asker.ask(dnsName(orgName), Type.TXT).thenApply(answer -> answer.failed()
                ? new Evaluation(CheckState.DNS_ERROR, e.found(), Stream.concat(e.diagnoses().stream(),
                        failure(orgName, answer).diagnoses().stream()).toList())
                : DmarcRule.fromOrganizationalDomain(e, record.value(), org.get(), txt(answer)));
    }

    /** ZONE_APPENDED when the expected record sits at {@code name.zone} (a wildcard answering both does not count). */
    private CompletableFuture<Evaluation> doubled(DnsRecord record, Kind kind, String name, String zone, Asker asker,
                                                  Evaluation e) {
        String doubled = name + "." + Names.normalize(zone);
        int type = dnsType(record.recordType());
        return asker.ask(dnsName(doubled), type).thenApply(answer -> answer.ofType(type).isEmpty() && kind != Kind.CNAME
                || answer.negative() || answer.failed() || !judge(record, kind, doubled, zone, answer).verified() ? e
                : e.with(Diagnoses.zoneAppendedName(name, doubled)));
    }

    /** For a missing CNAME: addresses (flattened/proxied), or the target's TXT served at the name, or a TXT holding it. */
    private CompletableFuture<Evaluation> flattened(DnsRecord record, String name, Asker asker, Evaluation e) {
        Name owner = dnsName(name);
        return asker.ask(owner, Type.A).thenCombine(asker.ask(owner, Type.AAAA), (a, aaaa) -> {
            List<String> addresses = java.util.stream.Stream.concat(
                    a.ofType(Type.A).stream().map(r -> ((ARecord) r).getAddress().getHostAddress()),
                    aaaa.ofType(Type.AAAA).stream().map(r -> ((AAAARecord) r).getAddress().getHostAddress())).toList();
            return addresses;
        }).thenCompose(addresses -> {
            if (!addresses.isEmpty()) {
                return done(CnameRule.flattenedToAddresses(name, addresses));
            }
            return asker.ask(owner, Type.TXT).thenCompose(nameTxt -> txt(nameTxt).isEmpty() ? done(e)
                    : asker.ask(dnsName(record.value()), Type.TXT)
                            .thenApply(targetTxt -> CnameRule.fromTxt(name, record.value(), txt(nameTxt), txt(targetTxt))));
        });
    }

    /** WRONG_TYPE when a missing MX was entered as a TXT record holding the exchange. */
    private CompletableFuture<Evaluation> mxAsText(DnsRecord record, String name, Asker asker, Evaluation e) {
        return asker.ask(dnsName(name), Type.TXT).thenApply(answer -> {
            for (String t : txt(answer)) {
                if (t.toLowerCase(Locale.ROOT).contains(Names.normalize(record.target()))) {
                    return Evaluation.of(CheckState.MISMATCH, List.of(t), Diagnoses.wrongType(name, "MX", "TXT", t));
                }
            }
            return e;
        });
    }

    /** Where the answer's CNAMEs point, normalised. */
    private static List<String> aliasTargets(DnsAnswer answer) {
        List<CNAMERecord> cnames = answer.aliases();
        if (cnames.isEmpty()) {
            return List.of();
        }
        List<String> targets = new ArrayList<>(cnames.size());
        for (CNAMERecord c : cnames) {
            targets.add(Names.normalize(c.getTarget().toString()));
        }
        return targets;
    }

    static List<String> txt(DnsAnswer answer) {
        List<Record> records = answer.ofType(Type.TXT);
        List<String> texts = new ArrayList<>(records.size());
        for (Record r : records) {
            texts.add(String.join("", ((TXTRecord) r).getStrings()));
        }
        return texts;
    }

    private static List<MxRule.Mx> mx(DnsAnswer answer) {
        List<Record> records = answer.ofType(Type.MX);
        List<MxRule.Mx> exchanges = new ArrayList<>(records.size());
        for (Record r : records) {
            exchanges.add(new MxRule.Mx(((MXRecord) r).getPriority(), ((MXRecord) r).getTarget().toString()));
        }
        return exchanges;
    }

    private static CompletableFuture<Evaluation> done(Evaluation e) {
        return CompletableFuture.completedFuture(e);
    }
}
