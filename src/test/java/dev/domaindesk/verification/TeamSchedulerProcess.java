package dev.domaindesk.verification;

import dev.domaindesk.app.AppContext;
import dev.domaindesk.store.StoreCredentials;
import dev.domaindesk.store.StoreLocation;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

/**
 * One DomainDesk process re-checking in the background on a shared store (for {@link TeamSchedulerProcessTest}): the
 * scheduler as the window runs it, without the window. Opens the store, says "ready", waits for a line on standard
 * input (so that all processes start checking together), then prints "checked ID" for each domain whose results it
 * stored, and "done" once nothing is due any more. Arguments: the data directory, the store URL.
 */
public final class TeamSchedulerProcess {
    private TeamSchedulerProcess() {
    }

    public static void main(String[] args) throws Exception {
        try (AppContext app = new AppContext(Path.of(args[0]), StoreLocation.of(args[1]), StoreCredentials.none(),
                Clock.systemUTC())) {
            app.scheduler().addListener(event -> {
                if (event instanceof CheckEvent.Stored stored) {
                    StringBuilder lines = new StringBuilder();
                    stored.domains().forEach(d -> lines.append("checked ").append(d.id()).append('\n'));
                    synchronized (System.out) {
                        System.out.print(lines);
                        System.out.flush();
                    }
                }
            });
            System.out.println("ready");
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            app.startScheduler();
            while (app.schedule().countDue(Instant.now()) > 0) {
                Thread.sleep(200); // watching another process's progress too: nothing to wait on but the store
            }
            app.stopScheduler();
        }
        System.out.println("done");
        System.out.flush();
    }
}
