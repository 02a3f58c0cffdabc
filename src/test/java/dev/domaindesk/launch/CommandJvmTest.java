package dev.domaindesk.launch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandJvmTest {
    @Test
    void aPlainJvmStartsTheTunedOne() {
        assertFalse(CommandJvm.keepJvm(false, List.of()));
        assertFalse(CommandJvm.keepJvm(false, List.of("-Dfoo=bar", "-verbose:class")));
    }

    @Test
    void theUsersOwnHeapOrCollectorIsKept() {
        for (String choice : List.of("-Xmx2g", "-Xms1g", "-XX:MaxRAMPercentage=50", "-XX:+UseZGC", "-XX:TieredStopAtLevel=4")) {
            assertTrue(CommandJvm.keepJvm(false, List.of(choice)), choice);
        }
    }

    @Test
    void theTunedJvmNeverStartsAnother() {
        assertTrue(CommandJvm.keepJvm(true, List.of()));
    }
}
