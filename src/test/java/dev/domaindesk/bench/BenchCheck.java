package dev.domaindesk.bench;

import dev.domaindesk.domains.Domain;
import dev.domaindesk.store.Database;
import dev.domaindesk.store.JdbcDomainRepository;
import dev.domaindesk.verification.CheckListener;
import dev.domaindesk.verification.CheckOptions;
import dev.domaindesk.verification.CheckService;
import dev.domaindesk.verification.CheckSummary;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Stand-in for {@code check --all} while the command line has none: {@code BenchCheck DATA_DIR PORT [IN_FLIGHT]}
 * checks every domain in the store against 127.0.0.1:PORT through CheckService and prints the summary.
 */
public final class BenchCheck {
    private BenchCheck() {
    }

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        try (Database db = Database.open(Path.of(args[0]))) {
            JdbcDomainRepository repository = new JdbcDomainRepository(db);
            List<String> ids = repository.findAll().stream().map(Domain::id).toList();
            long t1 = System.nanoTime();
            int window = args.length > 2 ? Integer.parseInt(args[2]) : 200;
            CheckOptions options = new CheckOptions(List.of(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[1]))),
                    false, Duration.ofSeconds(3), window);
            CheckSummary s = new CheckService(repository, Clock.systemUTC()).start(ids, options, CheckListener.NONE)
                    .done().get();
            long t2 = System.nanoTime();
            System.out.printf("%d domains: %d verified, %d not verified, %d DNS errors; open %d ms, check %d ms%n",
                    s.domains(), s.verified(), s.notVerified(), s.dnsErrors(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
        }
    }
}
