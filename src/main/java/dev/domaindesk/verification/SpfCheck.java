package dev.domaindesk.verification;

import dev.domaindesk.verification.rules.Evaluation;
import dev.domaindesk.verification.rules.SpfRule;
import dev.domaindesk.verification.rules.SpfTerms;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gathers what {@link SpfRule#judge} decides on for one found SPF record: check_host over the whole record, and
 * for each sender the expected record names, check_host with an address of that sender, once with the expected
 * record in the found one's place and once with the found one; plus the include/redirect graph to say why.
 */
final class SpfCheck {
    private final SpfLookups lookups;
    /**
     * The address a sender's record authorises, by the sender's name. The walk from a name depends on nothing but
     * DNS, so every domain of the run would find the same one (unless DNS changed during the run: the run then
     * judges by what it saw first, as for any answer it remembers).
     */
    private final Map<String, CompletableFuture<Optional<String>>> senderAddresses = new ConcurrentHashMap<>();
    /** The walk from a found record, by its text, for the other domains publishing it (see SpfGraph#standsFor). */
    private final Map<String, CompletableFuture<SpfGraph>> foundGraphs = new ConcurrentHashMap<>();
    /** Distinct found records kept per run: bulk checks meet a few texts thousands of times, not thousands of texts. */
    private static final int FOUND_GRAPHS_LIMIT = 1024;

    SpfCheck(SpfLookups lookups) {
        this.lookups = lookups;
    }

    CompletableFuture<Evaluation> judge(String domain, String expected, List<String> txts) {
        String found = SpfRule.theSpf(txts);
        CompletableFuture<SpfGraph> graph = graph(domain, found);
        CompletableFuture<SpfLookups.Result> whole = lookups.evaluate(SpfLookups.PROBE_IP, domain, txts);
        List<CompletableFuture<SpfRule.Sender>> senders = new ArrayList<>();
        for (SpfTerms.Term term : SpfTerms.parse(expected).terms()) {
            if (!term.modifier() && term.qualifier() == '+' && !term.name().equals("all")) {
                senders.add(sender(domain, expected, txts, term, graph));
            }
        }
        CompletableFuture<?> all = CompletableFuture.allOf(senders.toArray(CompletableFuture[]::new));
        return all.thenCompose(done -> graph.thenCombine(whole, (g, w) -> SpfRule.judge(new SpfRule.Facts(found,
                outcome(w), g.syntaxProblems(), g.withoutSpf(), g.withSeveralSpf(),
                senders.stream().map(CompletableFuture::join).toList()), txts)));
    }

    /** How the found record treats the sender that {@code term} of the expected record stands for. */
    private CompletableFuture<SpfRule.Sender> sender(String domain, String expected, List<String> txts,
                                                     SpfTerms.Term term, CompletableFuture<SpfGraph> graph) {
        CompletableFuture<Optional<String>> probe = switch (term.name()) {
            case "ip4", "ip6" -> CompletableFuture.completedFuture(
                    SpfTerms.parse("v=spf1 " + term.raw()).firstAddress());
            case "include" -> term.target().isEmpty() ? CompletableFuture.completedFuture(Optional.empty())
                    : senderAddress(term.target().get());
            default -> CompletableFuture.completedFuture(Optional.empty());
        };
        return probe.thenCompose(address -> graph.thenCompose(g -> {
            List<String> path = term.target().map(g::pathTo).orElse(List.of());
            boolean held = g.holds(term);
            if (address.isEmpty()) {
                return CompletableFuture.completedFuture(new SpfRule.Sender(term.raw(), null, null, null, held, path));
            }
            String ip = address.get();
            return lookups.evaluate(ip, domain, List.of(expected)).thenCombine(lookups.evaluate(ip, domain, txts),
                    (want, got) -> new SpfRule.Sender(term.raw(), ip, outcome(want), outcome(got), held, path));
        }));
    }

    private CompletableFuture<SpfGraph> graph(String domain, String found) {
        CompletableFuture<SpfGraph> known = foundGraphs.get(found);
        if (known == null) {
            CompletableFuture<SpfGraph> walk = SpfGraph.walk(lookups.asker(), domain, found);
            if (foundGraphs.size() < FOUND_GRAPHS_LIMIT) {
                foundGraphs.putIfAbsent(found, walk);
            }
            return walk;
        }
        return known.handle((g, failed) -> failed == null && g.standsFor(domain) ? CompletableFuture.completedFuture(g)
                : SpfGraph.walk(lookups.asker(), domain, found)).thenCompose(g -> g);
    }

    /** Walked once per sender name (not inside computeIfAbsent: answers at hand complete other domains' work here). */
    private CompletableFuture<Optional<String>> senderAddress(String target) {
        CompletableFuture<Optional<String>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<String>> known = senderAddresses.putIfAbsent(target, mine);
        if (known != null) {
            return known;
        }
        SpfGraph.walk(lookups.asker(), target, null).thenApply(SpfGraph::firstAddress).whenComplete((address, e) -> {
            if (e != null) {
                mine.completeExceptionally(e);
            } else {
                mine.complete(address);
            }
        });
        return mine;
    }

    private static SpfRule.Outcome outcome(SpfLookups.Result r) {
        return new SpfRule.Outcome(r.outcome(), r.terms(), r.voids(), r.detail());
    }
}
