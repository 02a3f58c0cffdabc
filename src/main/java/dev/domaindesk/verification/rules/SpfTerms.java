package dev.domaindesk.verification.rules;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SPF record read as RFC 7208 section 4.6.1 writes it: directives (qualifier, mechanism, value) and modifiers
 * (name=value), with what is not valid syntax. Names compare as DNS does (letter case and a trailing dot ignored).
 */
public record SpfTerms(List<Term> terms, List<String> problems) {
    private static final Set<String> MECHANISMS = Set.of("all", "include", "a", "mx", "ptr", "ip4", "ip6", "exists");
    private static final Pattern MECHANISM = Pattern.compile("([+?~-]?)([a-z][a-z0-9_.-]*)([:/].*)?");
    private static final Pattern MODIFIER = Pattern.compile("([a-z][a-z0-9_.-]*)=(.*)");
    private static final Pattern IP4 = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3}){3})(?:/(\\d{1,2}))?");
    private static final Pattern IP6 = Pattern.compile("([0-9a-f:.]*:[0-9a-f:.]*)(?:/(\\d{1,3}))?");
    private static final Pattern SPACES = Pattern.compile(" +");
    private static final Pattern DOMAIN_CHARACTERS = Pattern.compile("[A-Za-z0-9_.-]+");
    /**
     * Records read, by text: a bulk check meets the same few records (include:amazonses.com ~all) thousands of
     * times, and reading one is pure. Bounded: only short texts, and cleared when full.
     */
    private static final Map<String, SpfTerms> READ = new ConcurrentHashMap<>();
    private static final int READ_LIMIT = 4096;
    private static final int READ_TEXT_LIMIT = 512;

    public SpfTerms {
        terms = List.copyOf(terms);
        problems = List.copyOf(problems);
    }

    /**
     * A directive or modifier. {@code name} is lower case (a mechanism such as {@code include}, or a modifier such
     * as {@code redirect}); {@code value} as written after ':' or '=' (null when absent); {@code qualifier} '+'
     * when none was written; {@code raw} the term as published.
     */
    public record Term(char qualifier, String name, String value, boolean modifier, String raw) {
        /** The DNS name an include, redirect or exists term names, normalised; empty for others or with macros. */
        public Optional<String> target() {
            if (value == null || value.contains("%") || !(name.equals("include") || name.equals("redirect"))) {
                return Optional.empty();
            }
            return Optional.of(Names.normalize(value));
        }

        /** The same term as a receiver compares it: lower case, no trailing dot, '+' implied. */
        public String canonical() {
            String v = value == null ? "" : (modifier ? "=" : ":") + (name.equals("ip4") || name.equals("ip6")
                    ? value.toLowerCase(Locale.ROOT) : Names.normalize(value));
            return (qualifier == '+' ? "" : String.valueOf(qualifier)) + name + v;
        }
    }

    /** Reads {@code record} (which starts with v=spf1). */
    public static SpfTerms parse(String record) {
        if (record.length() > READ_TEXT_LIMIT) {
            return read(record);
        }
        SpfTerms known = READ.get(record);
        if (known == null) {
            known = read(record);
            if (READ.size() >= READ_LIMIT) {
                READ.clear();
            }
            READ.put(record, known);
        }
        return known;
    }

    private static SpfTerms read(String record) {
        List<Term> terms = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String[] parts = SPACES.split(record.strip());
        if (parts.length == 0 || !parts[0].equalsIgnoreCase("v=spf1")) {
            problems.add("it does not start with 'v=spf1'");
        }
        int redirects = 0;
        int exps = 0;
        for (int i = 1; i < parts.length; i++) {
            String raw = parts[i];
            String lower = raw.toLowerCase(Locale.ROOT);
            Matcher mod = MODIFIER.matcher(lower);
            if (mod.matches() && !MECHANISMS.contains(mod.group(1))) {
                String name = mod.group(1);
                redirects += name.equals("redirect") ? 1 : 0;
                exps += name.equals("exp") ? 1 : 0;
                terms.add(new Term('+', name, raw.substring(raw.indexOf('=') + 1), true, raw));
                continue;
            }
            Matcher m = MECHANISM.matcher(lower);
            if (!m.matches() || !MECHANISMS.contains(m.group(2))) {
                problems.add("'" + raw + "' is not an SPF mechanism" + suggestion(lower));
                continue;
            }
            char qualifier = m.group(1).isEmpty() ? '+' : m.group(1).charAt(0);
            String name = m.group(2);
            String rest = m.group(3);
            String value = rest == null ? null : rest.startsWith(":") ? raw.substring(raw.indexOf(':') + 1)
                    : raw.substring(raw.indexOf('/'));
            Optional<String> problem = valueProblem(name, value, rest);
            if (problem.isPresent()) {
                problems.add("'" + raw + "' " + problem.get());
                continue;
            }
            terms.add(new Term(qualifier, name, value, false, raw));
        }
        if (redirects > 1) {
            problems.add("'redirect=' appears " + redirects + " times (at most once)");
        }
        if (exps > 1) {
            problems.add("'exp=' appears " + exps + " times (at most once)");
        }
        return new SpfTerms(terms, problems);
    }

    private static String suggestion(String lower) {
        if (lower.startsWith("ipv4") || lower.startsWith("ip:")) {
            return " (did you mean ip4:?)";
        }
        if (lower.startsWith("ipv6")) {
            return " (did you mean ip6:?)";
        }
        if (lower.startsWith("includes") || lower.startsWith("inlcude") || lower.startsWith("incude")) {
            return " (did you mean include:?)";
        }
        return "";
    }

    private static Optional<String> valueProblem(String name, String value, String rest) {
        switch (name) {
            case "all":
                return rest == null ? Optional.empty() : Optional.of("takes no value");
            case "include":
            case "exists":
                return value == null || value.isEmpty() || rest.startsWith("/")
                        ? Optional.of("needs a domain (" + name + ":example.com)") : domain(value);
            case "ip4":
                return value == null ? Optional.of("needs an address (ip4:192.0.2.1)") : ip(value, IP4, 32);
            case "ip6":
                return value == null ? Optional.of("needs an address (ip6:2001:db8::1)") : ip(value, IP6, 128);
            default: // a, mx, ptr: optional domain and, for a and mx, a prefix length
                return value == null || value.startsWith("/") || value.isEmpty() ? Optional.empty() : domain(value.split("/")[0]);
        }
    }

    private static Optional<String> domain(String value) {
        String v = value.endsWith(".") ? value.substring(0, value.length() - 1) : value;
        if (v.contains("%")) {
            return Optional.empty(); // a macro (RFC 7208 section 7): its expansion is checked when evaluated
        }
        boolean ok = !v.isEmpty() && v.contains(".") && !v.contains("..")
                && DOMAIN_CHARACTERS.matcher(v).matches() && !v.startsWith(".") && !v.startsWith("-");
        return ok ? Optional.empty() : Optional.of("does not name a valid domain");
    }

    private static Optional<String> ip(String value, Pattern shape, int maxPrefix) {
        Matcher m = shape.matcher(value.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.of("is not a valid address");
        }
        if (m.group(2) != null && Integer.parseInt(m.group(2)) > maxPrefix) {
            return Optional.of("has a prefix length over " + maxPrefix);
        }
        if (shape == IP4) {
            for (String octet : m.group(1).split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return Optional.of("is not a valid address");
                }
            }
        }
        return Optional.empty();
    }

    /** The include and redirect targets, in order. */
    public List<String> targets() {
        return terms.stream().map(Term::target).flatMap(Optional::stream).toList();
    }

    /** The position of the first {@code all} directive, or -1. */
    public int allIndex() {
        for (int i = 0; i < terms.size(); i++) {
            if (terms.get(i).name().equals("all")) {
                return i;
            }
        }
        return -1;
    }

    /** The first address an ip4 (or, without any, ip6) term authorises: a probe for "this sender's servers". */
    public Optional<String> firstAddress() {
        for (String kind : List.of("ip4", "ip6")) {
            for (Term t : terms) {
                if (t.name().equals(kind) && t.qualifier() == '+') {
                    String address = t.value().split("/")[0];
                    try {
                        return Optional.of(InetAddress.getByName(address).getHostAddress());
                    } catch (java.net.UnknownHostException e) {
                        // not a literal after all: try the next term
                    }
                }
            }
        }
        return Optional.empty();
    }
}
