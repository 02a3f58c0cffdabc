package dev.domaindesk.cli;

import java.util.ArrayList;
import java.util.List;

/** A tiny option parser: flags, options with a value (repeatable), and positionals. */
public final class Args {
    private final List<String> positionals = new ArrayList<>();
    private final List<String[]> options = new ArrayList<>();

    private Args() {
    }

    /**
     * Parses {@code args}; {@code withValue} names options that take a value ({@code --x V} or {@code --x=V}),
     * {@code flags} those that do not. Anything else starting with "--" is a usage error; after "--" every argument
     * is a positional.
     */
    public static Args parse(List<String> args, List<String> withValue, List<String> flags) {
        Args parsed = new Args();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                parsed.positionals.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (!a.startsWith("--")) {
                parsed.positionals.add(a);
                continue;
            }
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (withValue.contains(name)) {
                String value;
                if (a.contains("=")) {
                    value = a.substring(a.indexOf('=') + 1);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    throw new UsageException(name + " needs a value");
                }
                parsed.options.add(new String[] {name, value});
            } else if (flags.contains(name) && !a.contains("=")) {
                parsed.options.add(new String[] {name, null});
            } else {
                throw new UsageException("unknown option " + a);
            }
        }
        return parsed;
    }

    public List<String> positionals() {
        return positionals;
    }

    public boolean flag(String name) {
        return options.stream().anyMatch(o -> o[0].equals(name));
    }

    public String value(String name) {
        List<String> all = values(name);
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    public List<String> values(String name) {
        return options.stream().filter(o -> o[0].equals(name)).map(o -> o[1]).toList();
    }
}
