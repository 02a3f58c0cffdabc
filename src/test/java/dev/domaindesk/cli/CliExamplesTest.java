package dev.domaindesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import dev.domaindesk.testing.KnotServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the examples of docs/cli.md and compares their output, so the documentation stays true. In the document:
 * <ul>
 * <li>a {@code json file=NAME} block is written to NAME before the examples run;</li>
 * <li>a {@code dns zone=NAME} block is served by a real Knot, which the examples reach as {@code 127.0.0.1:5353};</li>
 * <li>a {@code console} block holds {@code $ domaindesk ...} commands, each followed by its output (stdout and
 * stderr as a terminal shows them), and {@code $ echo $?} followed by the previous command's exit code.</li>
 * </ul>
 * All blocks share one fresh data directory, in document order. In expected output, {@code …} stands for any text
 * within a line (ids, tokens, times), a line holding only {@code …} for any number of lines, and a run of spaces for
 * one or more (column widths).
 */
class CliExamplesTest {
    static final Path DOC = Path.of("docs/cli.md");
    static final String DOCUMENTED_RESOLVER = "127.0.0.1:5353";
    /** {@code -DcliExamples.show=true} prints every example's actual output instead of comparing it. */
    static final boolean SHOW = Boolean.getBoolean("cliExamples.show");
    static final Pattern FENCE = Pattern.compile("(?m)^```([^\\n]*)\\n(.*?)^```\\s*$", Pattern.DOTALL);

    @TempDir
    Path work;

    record Block(String info, String text, int line) {
    }

    record Step(String command, List<String> expected, int line) {
    }

    @Test
    void everyExampleInCliMdPrintsWhatItShows() throws Exception {
        String doc = Files.readString(DOC);
        List<Block> blocks = blocks(doc);
        Map<String, String> zones = new LinkedHashMap<>();
        for (Block b : blocks) {
            String file = attribute(b.info(), "file");
            if (file != null) {
                Files.writeString(work.resolve(file), b.text());
            }
            String zone = attribute(b.info(), "zone");
            if (zone != null) {
                zones.put(zone, b.text());
            }
        }
        List<Block> consoles = blocks.stream().filter(b -> b.info().trim().equals("console")).toList();
        assertFalse(consoles.isEmpty(), "docs/cli.md has no console examples");
        try (KnotServer knot = KnotServer.start(work.resolve("knot"), zones)) {
            String resolver = "127.0.0.1:" + knot.port();
            int lastCode = -1;
            for (Block block : consoles) {
                for (Step step : steps(block)) {
                    String actual;
                    if (step.command().equals("echo $?")) {
                        actual = lastCode + "\n";
                    } else if (step.command().startsWith("domaindesk")) {
                        ByteArrayOutputStream both = new ByteArrayOutputStream();
                        PrintStream stream = new PrintStream(both, true, StandardCharsets.UTF_8);
                        lastCode = new Cli(stream, stream, Clock.systemUTC()).run(argv(step.command(), resolver));
                        actual = both.toString(StandardCharsets.UTF_8);
                    } else {
                        throw new AssertionError("docs/cli.md:" + step.line() + ": only 'domaindesk ...' and 'echo $?'"
                                + " can be run by this test: " + step.command());
                    }
                    if (SHOW) {
                        System.out.println("$ " + step.command() + "\n" + actual);
                    } else if (!matches(step.expected(), lines(actual))) {
                        fail("docs/cli.md:" + step.line() + ": $ " + step.command() + "\nexpected:\n"
                                + String.join("\n", step.expected()) + "\nactual:\n" + actual);
                    }
                }
            }
        }
    }

    @Test
    void theMatcherHonoursItsPlaceholders() {
        assertEquals(true, matches(List.of("id dom_…  x"), List.of("id dom_abc x")));
        assertEquals(true, matches(List.of("a", "…", "z"), List.of("a", "b", "c", "z")));
        assertEquals(true, matches(List.of("a", "…", "z"), List.of("a", "z")));
        assertEquals(false, matches(List.of("a", "z"), List.of("a", "b", "z")));
        assertEquals(false, matches(List.of("1 domain"), List.of("1 domains")));
    }

    private String[] argv(String command, String resolver) {
        List<String> args = new ArrayList<>(List.of("--data-dir", work.resolve("data").toString()));
        String[] words = command.replace(DOCUMENTED_RESOLVER, resolver).split(" +");
        for (int i = 1; i < words.length; i++) {
            String w = words[i];
            boolean fileArgument = (i > 1 && words[i - 1].equals("--output")) || Files.exists(work.resolve(w));
            args.add(fileArgument ? work.resolve(w).toString() : w);
        }
        return args.toArray(String[]::new);
    }

    static List<Block> blocks(String doc) {
        List<Block> blocks = new ArrayList<>();
        var m = FENCE.matcher(doc);
        while (m.find()) {
            int line = doc.substring(0, m.start()).split("\n", -1).length;
            blocks.add(new Block(m.group(1), m.group(2), line));
        }
        return blocks;
    }

    private static String attribute(String info, String name) {
        for (String word : info.trim().split("\\s+")) {
            if (word.startsWith(name + "=")) {
                return word.substring(name.length() + 1);
            }
        }
        return null;
    }

    static List<Step> steps(Block block) {
        List<Step> steps = new ArrayList<>();
        String command = null;
        int commandLine = 0;
        List<String> expected = new ArrayList<>();
        String[] lines = block.text().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("$ ")) {
                if (command != null) {
                    steps.add(new Step(command, trimTrailingEmpty(expected), commandLine));
                }
                command = line.substring(2).trim();
                commandLine = block.line() + 1 + i;
                expected = new ArrayList<>();
            } else if (command != null) {
                expected.add(line);
            }
        }
        if (command != null) {
            steps.add(new Step(command, trimTrailingEmpty(expected), commandLine));
        }
        return steps;
    }

    private static List<String> trimTrailingEmpty(List<String> lines) {
        List<String> copy = new ArrayList<>(lines);
        while (!copy.isEmpty() && copy.get(copy.size() - 1).isBlank()) {
            copy.remove(copy.size() - 1);
        }
        return copy;
    }

    private static List<String> lines(String text) {
        return trimTrailingEmpty(List.of(text.split("\n", -1)));
    }

    static boolean matches(List<String> expected, List<String> actual) {
        return matches(expected, 0, actual, 0);
    }

    private static boolean matches(List<String> expected, int e, List<String> actual, int a) {
        if (e == expected.size()) {
            return a == actual.size();
        }
        if (expected.get(e).trim().equals("…")) {
            for (int skip = a; skip <= actual.size(); skip++) {
                if (matches(expected, e + 1, actual, skip)) {
                    return true;
                }
            }
            return false;
        }
        return a < actual.size() && lineMatches(expected.get(e), actual.get(a)) && matches(expected, e + 1, actual, a + 1);
    }

    private static boolean lineMatches(String expected, String actual) {
        StringBuilder regex = new StringBuilder();
        String rest = expected.stripTrailing();
        int i = 0;
        while (i < rest.length()) {
            char c = rest.charAt(i);
            if (c == '…') {
                regex.append(".*?");
                i++;
            } else if (c == ' ' && i + 1 < rest.length() && rest.charAt(i + 1) == ' ') {
                while (i < rest.length() && rest.charAt(i) == ' ') {
                    i++;
                }
                regex.append(" +");
            } else {
                int j = i;
                while (j < rest.length() && rest.charAt(j) != '…'
                        && !(rest.charAt(j) == ' ' && j + 1 < rest.length() && rest.charAt(j + 1) == ' ')) {
                    j++;
                }
                regex.append(Pattern.quote(rest.substring(i, j)));
                i = j;
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(actual.stripTrailing()).matches();
    }
}
