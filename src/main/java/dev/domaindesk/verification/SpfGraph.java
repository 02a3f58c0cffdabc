package dev.domaindesk.verification;

import dev.domaindesk.verification.dns.Asker;
import dev.domaindesk.verification.dns.DnsAnswer;
import dev.domaindesk.verification.rules.Names;
import dev.domaindesk.verification.rules.SpfRule;
import dev.domaindesk.verification.rules.SpfTerms;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * The SPF records reachable from one record through include: and redirect= (names without macros), read breadth
 * first: what each name publishes, which names have no SPF record or a syntax error, and how a name is reached.
 * Used to explain jSPF's result in plain words, and to find an address a sender's record authorises.
 */
final class SpfGraph {
    /** At most this many names are read: RFC 7208 allows 10 DNS-querying terms, a few more show the excess. */
    private static final int MAX_NAMES = 24;

    /** What a name publishes: its SPF records, or the failure that kept them unknown. */
    record Node(String name, List<String> spfs, boolean failed, String detail) {
        Optional<SpfTerms> terms() {
            return spfs.size() == 1 ? Optional.of(SpfTerms.parse(spfs.get(0))) : Optional.empty();
        }
    }

    /** How a name was first reached: from {@code parent} through a term of {@code kind} (include or redirect). */
    record Edge(String parent, String kind) {
    }

    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Map<String, Edge> reachedFrom = new HashMap<>();
    private final String root;
    private boolean rootReached; // some record reached names the root again
    private volatile Set<String> canonicalTerms;

    private SpfGraph(String root) {
        this.root = root;
    }

    /** Walks from {@code domain}, whose record is {@code record} (null: ask DNS for it too). */
    static CompletableFuture<SpfGraph> walk(Asker asker, String domain, String record) {
        SpfGraph graph = new SpfGraph(Names.normalize(domain));
        CompletableFuture<Node> first = record != null
                ? CompletableFuture.completedFuture(new Node(graph.root, List.of(record), false, ""))
                : read(asker, graph.root);
        return first.thenCompose(node -> graph.visit(asker, List.of(node))).thenApply(done -> graph);
    }

    private CompletableFuture<Void> visit(Asker asker, List<Node> level) {
        List<String> next = new ArrayList<>();
        for (Node node : level) {
            nodes.put(node.name(), node);
            node.terms().ifPresent(terms -> {
                for (SpfTerms.Term t : terms.terms()) {
                    rootReached |= t.target().filter(root::equals).isPresent();
                    t.target().filter(target -> !nodes.containsKey(target) && !next.contains(target)
                            && nodes.size() + next.size() < MAX_NAMES).ifPresent(target -> {
                                next.add(target);
                                reachedFrom.put(target, new Edge(node.name(), t.name()));
                            });
                }
            });
        }
        if (next.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        List<CompletableFuture<Node>> reads = next.stream().map(name -> read(asker, name)).toList();
        return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new))
                .thenCompose(all -> visit(asker, reads.stream().map(CompletableFuture::join).toList()));
    }

    private static CompletableFuture<Node> read(Asker asker, String name) {
        return asker.ask(RecordChecker.dnsName(name), org.xbill.DNS.Type.TXT).thenApply(answer -> answer.failed()
                ? new Node(name, List.of(), true, answer.detail())
                : new Node(name, spfs(answer), false, ""));
    }

    private static List<String> spfs(DnsAnswer answer) {
        return RecordChecker.txt(answer).stream().filter(SpfRule::isSpf).toList();
    }

    /**
     * Whether this walk, from a record given, is what a walk from {@code domain} with the same record reads: the
     * same names with the same records, so the same problems, paths and terms. It is unless the record leads to
     * either name (a walk never reads its root's name again).
     */
    boolean standsFor(String domain) {
        String name = Names.normalize(domain);
        return name.equals(root) || !rootReached && !nodes.containsKey(name);
    }

    /** Syntax problems of the records read, each naming where it is ("in _spf.corp.example: ..."). */
    List<String> syntaxProblems() {
        List<String> out = new ArrayList<>();
        for (Node node : nodes.values()) {
            node.terms().ifPresent(t -> t.problems().forEach(p -> out.add(where(node.name()) + p)));
        }
        return out;
    }

    private String where(String name) {
        return name.equals(root) ? "" : "in " + name + "'s record: ";
    }

    /** The include or redirect targets that publish no SPF record (RFC 7208 sections 5.2 and 6.1: permerror). */
    List<String> withoutSpf() {
        return nodes.values().stream().filter(n -> !n.name().equals(root) && !n.failed() && n.spfs().isEmpty())
                .map(Node::name).toList();
    }

    /** The include or redirect targets that publish more than one SPF record (RFC 7208 section 4.5: permerror). */
    List<String> withSeveralSpf() {
        return nodes.values().stream().filter(n -> !n.name().equals(root) && n.spfs().size() > 1).map(Node::name).toList();
    }

    /** Whether some record read holds {@code term} (compared as receivers do: case, trailing dot, '+'). */
    boolean holds(SpfTerms.Term term) {
        Set<String> held = canonicalTerms;
        if (held == null) { // once the walk is done: a walk is shared by the domains publishing its record
            held = nodes.values().stream().map(Node::terms).flatMap(Optional::stream)
                    .flatMap(t -> t.terms().stream()).map(SpfTerms.Term::canonical).collect(Collectors.toUnmodifiableSet());
            canonicalTerms = held;
        }
        return held.contains(term.canonical());
    }

    /**
     * How {@code target} is reached from the root: the names in between ("_spf.corp.example", or
     * "redirect=_spf.corp.example" for a redirect), and the target itself when a redirect leads to it; empty when
     * the root record includes it directly or does not reach it.
     */
    List<String> pathTo(String target) {
        record Step(String name, String kind) {
        }
        List<Step> chain = new ArrayList<>();
        String at = Names.normalize(target);
        for (int guard = 0; reachedFrom.containsKey(at) && guard < MAX_NAMES; guard++) {
            Edge e = reachedFrom.get(at);
            chain.add(0, new Step(at, e.kind()));
            at = e.parent();
        }
        List<String> steps = new ArrayList<>();
        for (int i = 0; i < chain.size(); i++) {
            Step step = chain.get(i);
            if (step.kind().equals("redirect")) {
                steps.add("redirect=" + step.name());
            } else if (i < chain.size() - 1) {
                steps.add(step.name());
            }
        }
        return steps;
    }

    /** Whether {@code target} was reached at all. */
    boolean reaches(String target) {
        return nodes.containsKey(Names.normalize(target)) && !Names.normalize(target).equals(root);
    }

    /** The first address an ip4 or ip6 term authorises, breadth first: a probe for the sender's servers. */
    Optional<String> firstAddress() {
        for (Node node : nodes.values()) {
            Optional<String> address = node.terms().flatMap(SpfTerms::firstAddress);
            if (address.isPresent()) {
                return address;
            }
        }
        return Optional.empty();
    }

    /** Whether a lookup failed on the way (the graph is then incomplete). */
    Optional<String> failure() {
        return nodes.values().stream().filter(Node::failed).map(n -> n.name() + ": " + n.detail()).findFirst();
    }
}
