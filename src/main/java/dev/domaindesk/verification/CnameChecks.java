package dev.domaindesk.verification;

import dev.domaindesk.domains.CheckState;
import dev.domaindesk.verification.dns.Asker;
import dev.domaindesk.verification.dns.DnsAnswer;
import dev.domaindesk.verification.rules.CnameRule;
import dev.domaindesk.verification.rules.Diagnoses;
import dev.domaindesk.verification.rules.Evaluation;
import dev.domaindesk.verification.rules.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * The follow-up questions about CNAMEs: a chain of aliases that ends at the expected target, and a CNAME beside
 * other data at the same name, which RFC 1034 section 3.6.2 and RFC 2181 section 10.1 forbid (resolvers then
 * disagree on what they return, so the record works for some receivers and not others).
 */
final class CnameChecks {
    /** Longer chains are a loop or a mistake; resolvers give up around here too. */
    static final int MAX_CHAIN = 8;

    private CnameChecks() {
    }

    /** From {@code first} (the name's own CNAME target), follows CNAMEs until the expected target or the end. */
    static CompletableFuture<Evaluation> chain(String expected, String first, Asker asker, Evaluation e) {
        return follow(expected, new ArrayList<>(List.of(Names.normalize(first))), asker, e);
    }

    private static CompletableFuture<Evaluation> follow(String expected, List<String> targets, Asker asker, Evaluation e) {
        String last = targets.get(targets.size() - 1);
        if (Names.same(last, expected)) {
            return CompletableFuture.completedFuture(CnameRule.throughChain(targets));
        }
        if (targets.size() >= MAX_CHAIN) {
            return CompletableFuture.completedFuture(e);
        }
        return asker.ask(RecordChecker.dnsName(last), Type.CNAME).thenCompose(answer -> {
            List<String> next = owned(answer, last, Type.CNAME).stream()
                    .map(r -> Names.normalize(((CNAMERecord) r).getTarget().toString())).toList();
            if (answer.failed() || next.isEmpty() || targets.contains(next.get(0))) {
                return CompletableFuture.completedFuture(e);
            }
            List<String> longer = new ArrayList<>(targets);
            longer.add(next.get(0));
            return follow(expected, longer, asker, e);
        });
    }

    /**
     * CNAME_CONFLICT when the name holds a CNAME and other data: for a CNAME record, TXT data owned by the name
     * itself (e.g. an old DKIM key); for a TXT or MX record, a CNAME at a name whose answer carried its own data.
     */
    static CompletableFuture<Evaluation> besideOtherData(boolean cnameRecord, int type, String name, DnsAnswer primary,
                                                        Asker asker, Evaluation e) {
        if (cnameRecord) {
            if (owned(primary, name, Type.CNAME).isEmpty()) {
                return CompletableFuture.completedFuture(e);
            }
            return asker.ask(RecordChecker.dnsName(name), Type.TXT).thenApply(answer -> {
                List<Record> own = owned(answer, name, Type.TXT);
                return own.isEmpty() ? e : conflict(e, name, targets(primary, name), "TXT", RecordChecker.txt(answer));
            });
        }
        List<Record> own = owned(primary, name, type);
        if (own.isEmpty()) {
            return CompletableFuture.completedFuture(e);
        }
        List<String> inAnswer = targets(primary, name);
        if (!inAnswer.isEmpty()) {
            return CompletableFuture.completedFuture(conflict(e, name, inAnswer, Type.string(type), e.found()));
        }
        return asker.ask(RecordChecker.dnsName(name), Type.CNAME).thenApply(answer -> {
            List<String> aliases = targets(answer, name);
            return aliases.isEmpty() ? e : conflict(e, name, aliases, Type.string(type), e.found());
        });
    }

    private static Evaluation conflict(Evaluation e, String name, List<String> aliases, String otherType, List<String> other) {
        List<String> found = new ArrayList<>();
        aliases.forEach(a -> found.add("CNAME " + a));
        other.forEach(o -> found.add(otherType + " " + o));
        return new Evaluation(CheckState.MISMATCH, found,
                List.of(Diagnoses.cnameBesideData(name, aliases, otherType, other)));
    }

    // Loops rather than streams: these run for most answers of a bulk check, on the DNS thread, compiled by C1 only.
    private static List<String> targets(DnsAnswer answer, String name) {
        List<Record> own = owned(answer, name, Type.CNAME);
        List<String> targets = new ArrayList<>(own.size());
        for (Record r : own) {
            targets.add(Names.normalize(((CNAMERecord) r).getTarget().toString()));
        }
        return targets;
    }

    private static List<Record> owned(DnsAnswer answer, String name, int type) {
        List<Record> records = answer.ofType(type);
        if (records.isEmpty()) {
            return List.of();
        }
        Name owner = RecordChecker.dnsName(name);
        List<Record> own = new ArrayList<>(records.size());
        for (Record r : records) {
            if (r.getName().equals(owner)) {
                own.add(r);
            }
        }
        return own;
    }
}
