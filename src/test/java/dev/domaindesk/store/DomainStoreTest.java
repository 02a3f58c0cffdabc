package dev.domaindesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.app.AppContext;
import dev.domaindesk.app.AppContextAccess;
import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.Diagnosis;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainStatus;
import dev.domaindesk.domains.DomainWithRecords;
import dev.domaindesk.domains.DuplicateDomainException;
import dev.domaindesk.domains.InvalidDomainNameException;
import dev.domaindesk.domains.RecordType;
import dev.domaindesk.domains.Severity;
import dev.domaindesk.testing.StoreDump;
import dev.domaindesk.store.JdbcSettingsRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DomainStoreTest extends StoreTestBase {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05.678Z"), ZoneOffset.UTC);


    @Test
    void addCreatesTheServicesRecordSetFromTheDefaultProfile() {
        try (AppContext app = open(CLOCK)) {
            DomainWithRecords added = app.domains().add("Example.COM.", null);
            assertEquals("example.com", added.domain().name().ascii());
            assertEquals(DomainStatus.PENDING, added.domain().status());
            List<DnsRecord> records = app.domains().records(added.domain().id());
            assertEquals(added.records(), records);
            assertEquals(List.of("TXT _amazonses.example.com", "MX example.com", "TXT example.com",
                    "TXT _dmarc.example.com", "MX mail.example.com", "TXT mail.example.com"),
                    records.subList(0, 6).stream().map(r -> r.recordType() + " " + r.name()).toList());
            assertEquals("10 inbound-smtp.us-east-1.amazonaws.com", records.get(1).value());
            assertTrue(records.get(0).value().matches("[A-Za-z0-9+/]{43}="), records.get(0).value());
            List<DnsRecord> dkim = records.subList(6, 9);
            assertTrue(dkim.stream().allMatch(r -> r.recordType() == RecordType.CNAME
                    && r.name().matches("[a-z0-9]{32}\\._domainkey\\.example\\.com")
                    && r.value().equals(r.name().substring(0, 32) + ".dkim.amazonses.com")));
            assertEquals(3, dkim.stream().map(DnsRecord::name).distinct().count());
            assertTrue(records.stream().allMatch(r -> r.isRequired() && !r.isVerified()
                    && r.checkState() == CheckState.UNCHECKED && r.createdAt().equals(CLOCK.instant())));
        }
    }

    @Test
    void recordOwnersAnswersForMoreIdsThanAnH2ArrayHolds() {
        try (AppContext app = open(CLOCK)) {
            DomainWithRecords added = app.domains().add("example.com", null);
            List<String> ids = new java.util.ArrayList<>(java.util.stream.IntStream.range(0, 80_000)
                    .mapToObj(i -> "dns_absent_" + i).toList());
            ids.add(added.records().get(0).id());
            assertEquals(java.util.Map.of(added.records().get(0).id(), added.domain().id()),
                    new JdbcDomainRepository(AppContextAccess.database(app)).recordOwners(ids));
        }
    }

    @Test
    void recordsAreHandedOverDomainByDomainAsTheyAreRead() {
        try (AppContext app = open(CLOCK)) {
            DomainWithRecords a = app.domains().add("a.example", null);
            DomainWithRecords b = app.domains().add("b.example", null);
            app.domains().add("c.example", null);
            JdbcDomainRepository repository = new JdbcDomainRepository(AppContextAccess.database(app));
            List<String> wanted = List.of(a.domain().id(), b.domain().id());
            java.util.Map<String, List<DnsRecord>> handed = new java.util.LinkedHashMap<>();
            repository.recordsOf(wanted, (id, records) -> assertEquals(null, handed.put(id, records), "handed twice: " + id));
            assertEquals(java.util.Set.copyOf(wanted), handed.keySet(), "only the domains asked for");
            assertEquals(a.records(), handed.get(a.domain().id()), "in profile order, whole");
            assertEquals(repository.recordsOf(wanted), handed);
            assertEquals(b.records(), repository.recordsOf(b.domain().id()), "the connection reads as before afterwards");
        }
    }

    /**
     * Many domains are read in the order of the store's keys (decision 0019). A record added to a domain after others
     * were stored has a key behind theirs; here it also comes first in the profile. The domain is still handed over
     * once, whole, in profile order.
     */
    @Test
    void manyDomainsAreHandedOverWholeEvenWhenTheirRecordsAreStoredApart() throws Exception {
        try (Database db = openDatabase()) {
            JdbcDomainRepository repository = new JdbcDomainRepository(db);
            List<DomainWithRecords> domains = dev.domaindesk.bench.BenchData.generate(520, dir.resolve("profiles"))
                    .domains();
            repository.replaceAll(domains, List.of());
            Domain spread = domains.get(0).domain();
            DnsRecord late = DnsRecord.fromService("dns_added_later", spread.id(), RecordType.TXT,
                    "late." + spread.name().ascii(), "v=late", null, true, false, null, CLOCK.instant(),
                    CLOCK.instant());
            try (Connection c = db.connection()) {
                new RecordTable(db).insert(c, List.of(late));
                try (var ps = c.prepareStatement("UPDATE dns_record SET position = 0 WHERE id = ?")) {
                    ps.setString(1, late.id());
                    assertEquals(1, ps.executeUpdate());
                }
            }
            List<String> ids = domains.stream().map(d -> d.domain().id()).toList();
            java.util.Map<String, List<DnsRecord>> handed = new java.util.LinkedHashMap<>();
            repository.recordsOf(ids, (id, records) -> assertEquals(null, handed.put(id, records),
                    "handed twice: " + id));
            assertEquals(java.util.Set.copyOf(ids), handed.keySet());
            List<DnsRecord> expected = new java.util.ArrayList<>(List.of(late));
            expected.addAll(domains.get(0).records());
            assertEquals(expected.stream().map(DnsRecord::id).toList(),
                    handed.get(spread.id()).stream().map(DnsRecord::id).toList(), "whole and in profile order");
            assertEquals(repository.recordsOf(ids), handed);
        }
    }

    /**
     * A streamed read counts each domain's records and then reads them (decision 0019): both must see the same store,
     * or a domain stored again in between by a sync would be handed over with only as many records as were counted.
     */
    @Test
    void aStreamedReadReadsOneSnapshotWhileOthersWrite() {
        try (AppContext app = open(CLOCK)) {
            app.domains().add("a.example", null);
            Database db = AppContextAccess.database(app);
            List<Integer> counts = Jdbc.reading(db, c -> {
                int before = countRecords(c);
                var write = java.util.concurrent.CompletableFuture.supplyAsync(() -> app.domains().add("b.example", null));
                try {
                    write.get(20, java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new AssertionError("the write waited for the read", e);
                }
                return List.of(before, countRecords(c));
            });
            assertEquals(counts.get(0), counts.get(1), "the read's second statement saw the write made after its first");
            assertEquals(18, AppContextAccess.repository(app).recordsOf(app.domains().ids()).values().stream()
                    .mapToInt(List::size).sum(), "the write is stored");
        }
    }

    private static int countRecords(Connection c) throws java.sql.SQLException {
        try (var ps = c.prepareStatement("SELECT COUNT(*) FROM dns_record"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** A bulk check's writer stores results while its records are still being read; it must not wait for the read. */
    @Test
    void aWriteGoesThroughWhileRecordsAreStillBeingHandedOver() {
        try (AppContext app = open(CLOCK)) {
            DomainWithRecords a = app.domains().add("a.example", null);
            DomainWithRecords b = app.domains().add("b.example", null);
            JdbcDomainRepository repository = new JdbcDomainRepository(AppContextAccess.database(app));
            java.util.Map<String, List<DnsRecord>> handed = new java.util.LinkedHashMap<>();
            repository.recordsOf(List.of(a.domain().id(), b.domain().id()), (id, records) -> {
                if (handed.isEmpty()) {
                    var write = java.util.concurrent.CompletableFuture.supplyAsync(() -> app.domains().add("c.example", null));
                    try {
                        write.get(20, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new AssertionError("a write waited for the read to end", e);
                    }
                }
                handed.put(id, records);
            });
            assertEquals(java.util.Set.of(a.domain().id(), b.domain().id()), handed.keySet());
            assertEquals(b.records(), handed.get(b.domain().id()), "the read goes on whole after the write");
            assertEquals(3, app.domains().ids().size(), "the write is stored");
        }
    }

    @Test
    void idsComeInNameOrderLikeTheDomains() {
        try (AppContext app = open(CLOCK)) {
            app.domains().add("zeta.example", null);
            app.domains().add("alpha.example", null);
            app.domains().add("mid.example", null);
            assertEquals(app.domains().list().stream().map(Domain::id).toList(), app.domains().ids());
            assertEquals(List.of("alpha.example", "mid.example", "zeta.example"),
                    app.domains().ids().stream().map(id -> app.domains().require(id).name().ascii()).toList());
        }
    }

    @Test
    void regionIsASetting() {
        try (AppContext app = open(CLOCK)) {
            new JdbcSettingsRepository(AppContextAccess.database(app)).put("region", "eu-west-1");
            DomainWithRecords added = app.domains().add("example.net", "ses");
            assertEquals("10 inbound-smtp.eu-west-1.amazonaws.com", added.records().get(1).value());
        }
    }

    @Test
    void profilesInTheDataDirectoryAreOffered() throws Exception {
        Files.createDirectories(dir.resolve("profiles"));
        Files.writeString(dir.resolve("profiles/google.json"), """
                {"name": "google", "records": [
                  {"type": "MX", "name": "{domain}", "value": "1 smtp.google.com"},
                  {"type": "TXT", "name": "{domain}", "value": "google-site-verification={base64:v}"}]}""");
        try (AppContext app = open(CLOCK)) {
            assertEquals(List.of("google", "ses"), app.domains().profileNames());
            DomainWithRecords added = app.domains().add("example.org", "google");
            assertEquals(2, added.records().size());
            assertEquals("google", added.domain().profile());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> app.domains().add("example.io", "nope"));
            assertTrue(e.getMessage().contains("unknown profile 'nope'"));
        }
    }

    @Test
    void refusedNamesAndDuplicatesStoreNothing() {
        try (AppContext app = open(CLOCK)) {
            app.domains().add("example.com", null);
            String before = StoreDump.of(AppContextAccess.database(app));
            assertThrows(InvalidDomainNameException.class, () -> app.domains().add("https://example.org/", null));
            assertThrows(DuplicateDomainException.class, () -> app.domains().add("EXAMPLE.com.", null));
            assertEquals(before, StoreDump.of(AppContextAccess.database(app)));
        }
    }

    @Test
    void removeTakesEveryRecordAndItsCheckResultsWithIt() throws Exception {
        try (AppContext app = open(CLOCK)) {
            DomainWithRecords keep = app.domains().add("keep.example", null);
            DomainWithRecords gone = app.domains().add("gone.example", null);
            DnsRecord r = gone.records().get(0);
            int written = AppContextAccess.repository(app).saveChecks(List.of(), List.of(r.withCheck(false, CheckState.MISMATCH,
                    List.of("found-a", "found-b"), List.of(new Diagnosis("VALUE_MISMATCH", Severity.ERROR, "x")),
                    false, CLOCK.instant())));
            assertEquals(1, written);
            assertEquals(List.of("found-a", "found-b"), app.domains().records(gone.domain().id()).get(0).found());

            assertEquals(9, app.domains().remove("gone.example"));
            assertTrue(app.domains().find(gone.domain().id()).isEmpty());
            try (Connection c = AppContextAccess.database(app).connection()) {
                assertEquals(9, count(c, "dns_record"));
            }
            assertEquals(9, app.domains().records(keep.domain().id()).size());
        }
    }

    /** The value a diagnosis says to publish survives the store and a reopen, beside diagnoses that carry none. */
    @Test
    void aDiagnosisKeepsItsValueToPublish() {
        DnsRecord stored;
        try (AppContext app = open(CLOCK)) {
            DnsRecord r = app.domains().add("fix.example", null).records().get(2);
            List<Diagnosis> why = List.of(new Diagnosis("MULTIPLE_SPF", Severity.ERROR, "merge them",
                    "v=spf1 include:amazonses.com include:mailgun.org ~all"), new Diagnosis("NOTE", Severity.INFO, "n"));
            AppContextAccess.repository(app).saveChecks(List.of(), List.of(r.withCheck(false, CheckState.MISMATCH, List.of("a", "b"), why,
                    false, CLOCK.instant())));
            stored = r;
        }
        try (AppContext app = open(CLOCK)) {
            List<Diagnosis> back = app.domains().records(stored.domainId()).stream().filter(x -> x.id().equals(stored.id()))
                    .findFirst().orElseThrow().diagnoses();
            assertEquals("v=spf1 include:amazonses.com include:mailgun.org ~all", back.get(0).publish());
            assertEquals(null, back.get(1).publish());
        }
    }

    @Test
    void checksOfARemovedDomainAreDroppedWithoutError() {
        try (AppContext app = open(CLOCK)) {
            DomainWithRecords gone = app.domains().add("gone.example", null);
            app.domains().remove(gone.domain().id());
            DnsRecord late = gone.records().get(0).withCheck(true, CheckState.VERIFIED, List.of("v"), List.of(), false,
                    CLOCK.instant());
            assertEquals(0, AppContextAccess.repository(app).saveChecks(List.of(gone.domain()), List.of(late)));
            assertTrue(app.domains().list().isEmpty());
        }
    }

    @Test
    void everythingSurvivesAReopen() {
        String before;
        try (AppContext app = open(CLOCK)) {
            app.domains().add("bücher.example", null);
            app.domains().add("example.com", null);
            before = StoreDump.of(AppContextAccess.database(app));
        }
        try (AppContext app = open(CLOCK)) {
            assertEquals(before, StoreDump.of(AppContextAccess.database(app)));
            assertEquals(List.of("example.com", "xn--bcher-kva.example"),
                    app.domains().list().stream().map(d -> d.name().ascii()).toList());
            assertFalse(app.domains().find("BÜCHER.example").isEmpty());
        }
    }

    private static int count(Connection c, String table) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
