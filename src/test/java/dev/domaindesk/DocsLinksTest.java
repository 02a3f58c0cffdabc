package dev.domaindesk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link in README.md, CHANGELOG.md, bench/README.md and docs/ leads somewhere: the file exists and a
 * {@code #anchor} is a heading of it (GitHub's anchors: lower case, punctuation dropped, spaces as hyphens).
 */
class DocsLinksTest {
    static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.*?)\\s*#*\\s*$");
    static final Pattern FENCED = Pattern.compile("(?ms)^```.*?^```");

    @Test
    void everyRelativeLinkLeadsToAFileAndHeading() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path doc : documents()) {
            String text = FENCED.matcher(Files.readString(doc)).replaceAll("").replaceAll("`[^`\\n]*`", "");
            Matcher m = LINK.matcher(text);
            while (m.find()) {
                String link = m.group(1);
                if (link.matches("[a-z]+:.*")) {
                    continue; // https:, mailto:
                }
                int hash = link.indexOf('#');
                String file = hash < 0 ? link : link.substring(0, hash);
                Path target = file.isEmpty() ? doc : doc.resolveSibling(file).normalize();
                if (!Files.exists(target)) {
                    broken.add(doc + ": " + link + " (no such file)");
                } else if (hash >= 0 && !anchors(target).contains(link.substring(hash + 1))) {
                    broken.add(doc + ": " + link + " (no such heading)");
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    /** A merge's conflict markers left in a document (one reached CHANGELOG.md once) read as garbage to a user. */
    @Test
    void noDocumentKeepsAMergeConflictMarker() throws IOException {
        Pattern marker = Pattern.compile("(?m)^(<{7}|={7}|>{7})( .*)?$");
        List<String> found = new ArrayList<>();
        for (Path doc : documents()) {
            Matcher m = marker.matcher(FENCED.matcher(Files.readString(doc)).replaceAll(""));
            while (m.find()) {
                found.add(doc + ": " + m.group());
            }
        }
        assertEquals(List.of(), found);
    }

    static List<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(Path.of("README.md"), Path.of("CHANGELOG.md"), Path.of("bench/README.md")));
        try (Stream<Path> files = Files.walk(Path.of("docs"))) {
            files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    static Set<String> anchors(Path doc) throws IOException {
        Set<String> anchors = new HashSet<>();
        if (!doc.toString().endsWith(".md")) {
            return anchors;
        }
        Map<String, Integer> seen = new HashMap<>();
        Matcher m = HEADING.matcher(FENCED.matcher(Files.readString(doc)).replaceAll(""));
        while (m.find()) {
            String slug = m.group(1).toLowerCase(Locale.ROOT).replaceAll("[`*]", "")
                    .replaceAll("[^\\p{L}\\p{N}_\\- ]", "").replace(' ', '-');
            int n = seen.merge(slug, 1, Integer::sum) - 1;
            anchors.add(n == 0 ? slug : slug + "-" + n);
        }
        return anchors;
    }
}
