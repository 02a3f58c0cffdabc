package dev.domaindesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The command tables of README.md and docs/cli.md say what the program says: one row per command, its usage line
 * exactly as {@code --help} prints it, the same exit codes in both, and every code the command's own help names.
 */
class CommandTablesTest {
    static final Pattern ROW = Pattern.compile("(?m)^\\| `([a-z-]+)( [^`]*)?` \\| .* \\| ([0-9, ]+) \\|$");

    @Test
    void readmeAndCliMdListEveryCommandAsItsHelpSaysIt() throws Exception {
        Map<String, String> usages = usages();
        Map<String, Set<Integer>> readme = table(Path.of("README.md"));
        Map<String, Set<Integer>> cliMd = table(Path.of("docs/cli.md"));
        assertEquals(List.copyOf(usages.keySet()), List.copyOf(readme.keySet()), "README.md's command table, in --help's order");
        assertEquals(List.copyOf(usages.keySet()), List.copyOf(cliMd.keySet()), "docs/cli.md's command table, in --help's order");
        String readmeText = Files.readString(Path.of("README.md"));
        String cliMdText = Files.readString(Path.of("docs/cli.md"));
        for (Map.Entry<String, String> usage : usages.entrySet()) {
            String cell = "| `" + usage.getValue().replace("|", "\\|") + "` |";
            assertTrue(readmeText.contains(cell), "README.md has " + cell);
            assertTrue(cliMdText.contains(cell), "docs/cli.md has " + cell);
            String command = usage.getKey();
            assertEquals(cliMd.get(command), readme.get(command), command + ": the same exit codes in both tables");
            Set<Integer> helpCodes = helpExitCodes(command);
            assertTrue(readme.get(command).containsAll(helpCodes),
                    command + ": the table's exit codes " + readme.get(command) + " include its help's " + helpCodes);
            assertTrue(readme.get(command).stream().allMatch(c -> c >= ExitCodes.OK && c <= ExitCodes.NOT_STORED),
                    command + ": only codes of ExitCodes");
        }
    }

    /** Command name to usage line, in the order the overall help lists them. */
    static Map<String, String> usages() {
        String help = run("--help");
        String list = help.substring(help.indexOf("Commands:\n") + "Commands:\n".length());
        list = list.substring(0, list.indexOf("\n\n"));
        Map<String, String> usages = new LinkedHashMap<>();
        for (String line : list.split("\n")) {
            String usage = line.strip();
            usages.put(usage.split(" ")[0], usage);
        }
        assertEquals(new Cli(System.out, System.err, Clock.systemUTC()).commandNames(), List.copyOf(usages.keySet()));
        return usages;
    }

    static Map<String, Set<Integer>> table(Path doc) throws Exception {
        Map<String, Set<Integer>> rows = new LinkedHashMap<>();
        Matcher m = ROW.matcher(Files.readString(doc));
        while (m.find()) {
            Set<Integer> codes = new TreeSet<>();
            for (String code : m.group(3).split(",")) {
                codes.add(Integer.parseInt(code.strip()));
            }
            rows.put(m.group(1), codes);
        }
        return rows;
    }

    /** The codes a command's help names after "Exit codes:" ("0 done; 4 no such domain"). */
    static Set<Integer> helpExitCodes(String command) {
        String help = run(command, "--help");
        String tail = help.substring(help.indexOf("Exit codes:")).replace('\n', ' ');
        Set<Integer> codes = new TreeSet<>();
        Matcher m = Pattern.compile("[:;] (\\d) ").matcher(tail);
        while (m.find()) {
            codes.add(Integer.parseInt(m.group(1)));
        }
        return codes;
    }

    static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
        assertEquals(0, new Cli(stream, stream, Clock.systemUTC()).run(args));
        return out.toString(StandardCharsets.UTF_8);
    }
}
