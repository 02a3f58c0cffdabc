package dev.domaindesk.bench;

import dev.domaindesk.store.Database;
import dev.domaindesk.store.JdbcDomainRepository;
import java.nio.file.Path;
import java.util.List;

/**
 * The benchmark's first step: {@code BenchSetup N WORK_DIR DATA_DIR} writes the zone file and dnsperf's questions
 * into WORK_DIR and the N domains into a fresh store in DATA_DIR.
 */
public final class BenchSetup {
    private BenchSetup() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: BenchSetup N WORK_DIR DATA_DIR");
            System.exit(2);
        }
        int n = Integer.parseInt(args[0]);
        Path work = Path.of(args[1]);
        Path data = Path.of(args[2]);
        BenchData bench = BenchData.generate(n, data.resolve("profiles"));
        bench.writeFiles(work);
        try (Database db = Database.open(data)) {
            new JdbcDomainRepository(db).replaceAll(bench.domains(), List.of());
        }
        System.out.println("generated " + n + " domains, "
                + bench.domains().stream().mapToInt(d -> d.records().size()).sum() + " records");
    }
}
