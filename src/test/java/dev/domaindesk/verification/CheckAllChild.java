package dev.domaindesk.verification;

import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.store.Database;
import dev.domaindesk.store.JdbcDomainRepository;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * A child JVM for the kill -9 test: {@code CheckAllChild DATA_DIR PORT} checks every domain of the store
 * against 127.0.0.1:PORT as {@code check --all} does, printing "stored N" after each committed batch.
 */
public final class CheckAllChild {
    private CheckAllChild() {
    }

    public static void main(String[] args) {
        try (Database db = Database.open(Path.of(args[0]))) {
            JdbcDomainRepository repository = new JdbcDomainRepository(db);
            CheckOptions options = new CheckOptions(
                    List.of(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[1]))), false,
                    Duration.ofSeconds(2), 200);
            List<String> ids = repository.findAll().stream().map(Domain::id).toList();
            CheckRun run = new CheckService(repository, Clock.systemUTC()).start(ids, options, new CheckListener() {
                @Override
                public void stored(List<Domain> domains, List<DnsRecord> records) {
                    System.out.println("stored " + records.size());
                    System.out.flush();
                }
            });
            run.done().join();
            System.out.println("done");
        }
    }
}
