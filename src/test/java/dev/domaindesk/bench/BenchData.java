package dev.domaindesk.bench;

import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainName;
import dev.domaindesk.domains.DomainStatus;
import dev.domaindesk.domains.DomainWithRecords;
import dev.domaindesk.domains.Ids;
import dev.domaindesk.domains.ProfileExpander;
import dev.domaindesk.domains.ProfileRegistry;
import dev.domaindesk.domains.RecordProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Generates the benchmark's data: N domains under {@code bench.test} with the email service's records, the
 * matching zone file (half the domains correct, half with one mistake each), and the questions a check asks.
 */
public final class BenchData {
    public static final String ZONE = "bench.test";
    /** The zone the service's SPF value includes, and what it publishes. */
    public static final String INCLUDED = "amazonses.com";
    public static final String INCLUDED_SPF =
            "@ IN TXT \"v=spf1 ip4:199.255.192.0/22 ip4:199.127.232.0/22 ip4:54.240.0.0/18 -all\"\n";

    private final List<DomainWithRecords> domains = new ArrayList<>();
    private final StringBuilder zone = new StringBuilder();
    private final StringBuilder questions = new StringBuilder();

    private BenchData() {
    }

    public static BenchData generate(int n, Path profileDir) {
        BenchData data = new BenchData();
        RecordProfile profile = new ProfileRegistry(profileDir).require(ProfileRegistry.DEFAULT);
        ProfileExpander expander = new ProfileExpander(fastRandom());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < n; i++) {
            String name = String.format("d%05d.%s", i, ZONE);
            Domain domain = new Domain(Ids.newDomainId(), DomainName.parse(name), DomainStatus.PENDING, profile.name(),
                    now, now, null, now, null, Domain.ServiceFields.NONE);
            List<DnsRecord> records = expander.expand(profile, domain, "us-east-1", now);
            data.domains.add(new DomainWithRecords(domain, records));
            BenchZone.appendZoneLines(data.zone, name, records, BenchZone.mistakeOf(i));
            BenchZone.appendQuestions(data.questions, records, seen);
        }
        return data;
    }

    /** Tokens for test data need no entropy from the kernel (which is slow under load). */
    private static SecureRandom fastRandom() {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(42);
            return random;
        } catch (java.security.NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

    public List<DomainWithRecords> domains() {
        return domains;
    }

    /** The zone's records (without SOA/NS), in zone-file syntax. */
    public String zoneRecords() {
        return zone.toString();
    }

    public String questions() {
        return questions.toString();
    }

    /**
     * Writes {@code bench.test.zone} and {@code amazonses.com.zone} (what a resolver would answer for the SPF
     * include) with SOA and NS, and {@code queries.txt}, into {@code dir}.
     */
    public void writeFiles(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(ZONE + ".zone"), head(ZONE) + zone);
        Files.writeString(dir.resolve(INCLUDED + ".zone"), head(INCLUDED) + INCLUDED_SPF);
        Files.writeString(dir.resolve("queries.txt"), questions.toString());
    }

    private static String head(String origin) {
        return "$ORIGIN " + origin + ".\n$TTL 300\n@ IN SOA ns1 hostmaster 1 3600 600 86400 300\n"
                + "@ IN NS ns1\nns1 IN A 127.0.0.1\n";
    }
}
