package dev.domaindesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.domaindesk.app.StoreChoice;
import dev.domaindesk.store.StoreException;
import dev.domaindesk.store.StoreLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --store} wherever an option may stand, and which store wins when several are named (decision 0015). */
class StoreOptionTest {
    private static final String URL = "jdbc:postgresql://db/dd?user=a";

    @TempDir
    Path dir;

    @Test
    void theOptionStandsBeforeOrAfterTheCommandButNotAfterDashDash() {
        Cli.Invocation before = Cli.split(new String[] {"--store", URL, "list", "--json"});
        assertEquals(URL, before.store());
        assertEquals(List.of("--json"), before.args());
        Cli.Invocation after = Cli.split(new String[] {"list", "--store=" + URL, "--json"});
        assertEquals(URL, after.store());
        assertEquals(List.of("--json"), after.args());
        Cli.Invocation literal = Cli.split(new String[] {"remove", "--", "--store"});
        assertNull(literal.store());
        assertEquals(List.of("--", "--store"), literal.args());
        assertNull(Cli.split(new String[] {"--store", URL}).command(), "the window, on that store");
        assertEquals(URL, Cli.split(new String[] {"--store", URL}).store());
        assertThrows(UsageException.class, () -> Cli.split(new String[] {"list", "--store"}));
    }

    @Test
    void theOptionBeatsTheEnvironmentWhichBeatsTheSettingWhichBeatsTheEmbeddedStore() throws Exception {
        String other = "jdbc:postgresql://other/dd";
        String third = "jdbc:postgresql://third/dd";
        assertEquals(StoreLocation.embedded(), StoreChoice.resolve(null, Map.of(), dir));
        Files.writeString(dir.resolve(StoreChoice.SETTINGS_FILE), StoreChoice.SETTING + " = " + third + "\n");
        assertEquals(third, StoreChoice.resolve(null, Map.of(), dir).url());
        assertEquals(other, StoreChoice.resolve(null, Map.of(StoreChoice.ENV, other), dir).url());
        assertEquals(URL, StoreChoice.resolve(URL, Map.of(StoreChoice.ENV, other), dir).url());
        assertEquals(StoreLocation.embedded(), StoreChoice.resolve("embedded", Map.of(StoreChoice.ENV, other), dir));
        Files.writeString(dir.resolve(StoreChoice.SETTINGS_FILE), StoreChoice.SETTING + " = jdbc:postgresql://x/y?password=p1\n");
        StoreException refused = assertThrows(StoreException.class, () -> StoreChoice.resolve(null, Map.of(), dir));
        assertEquals(true, refused.getMessage().contains(StoreChoice.SETTINGS_FILE), refused.getMessage());
    }
}
