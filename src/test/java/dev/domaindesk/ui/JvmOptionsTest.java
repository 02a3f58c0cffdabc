package dev.domaindesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The window's JVM options live in packaging/jvm.options (read by the jpackage launcher build and the UI
 * benchmark) and are repeated for {@code mvn javafx:run} in pom.xml: they must not drift apart, or the benchmark
 * would measure a JVM that some way of starting the app does not have.
 */
class JvmOptionsTest {

    @Test
    void javafxRunUsesExactlyTheOptionsOfTheLauncherAndTheBenchmark() throws Exception {
        List<String> file = Files.readAllLines(Path.of("packaging/jvm.options")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertFalse(file.isEmpty());
        assertEquals(file, javafxPluginOptions(Path.of("pom.xml")));
    }

    private static List<String> javafxPluginOptions(Path pom) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        NodeList plugins = doc.getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            if ("javafx-maven-plugin".equals(plugin.getElementsByTagName("artifactId").item(0).getTextContent().strip())) {
                List<String> options = new ArrayList<>();
                NodeList found = plugin.getElementsByTagName("option");
                for (int j = 0; j < found.getLength(); j++) {
                    options.add(found.item(j).getTextContent().strip());
                }
                return options;
            }
        }
        throw new AssertionError("no javafx-maven-plugin in " + pom);
    }
}
