package dev.domaindesk.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.Domain;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cancelling a run whose domains are mostly still waiting to start (only a window of them is in flight). */
class CheckRunCancelTest {
    @TempDir
    Path dir;

    @Test
    void aCancelledRunEndsAndStoresNothingForTheDomainsItNeverStarted() throws Exception {
        try (EngineFixture engine = new EngineFixture(dir); SilentUdpServer silent = new SilentUdpServer()) {
            List<Domain> domains = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                domains.add(engine.domain("d" + i + ".example", "TXT", "_amazonses.d" + i + ".example", "token"));
            }
            CheckOptions options = new CheckOptions(List.of(silent.address()), false, java.time.Duration.ofSeconds(2), 4);
            CheckRun run = engine.service.start(domains.stream().map(Domain::id).toList(), options, CheckListener.NONE);
            run.cancel();
            CheckSummary summary = run.done().get(60, TimeUnit.SECONDS);
            assertTrue(summary.cancelled());
            assertEquals(0, summary.records(), "nothing had a verdict");
            for (Domain d : domains) {
                assertEquals(CheckState.UNCHECKED, engine.records(d).get(0).checkState(), d.name().ascii());
            }
        }
    }
}
