package dev.domaindesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.app.AppContext;
import dev.domaindesk.app.AppContextAccess;
import dev.domaindesk.domains.CheckSession;
import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.Diagnosis;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainRepository;
import dev.domaindesk.domains.DomainWithRecords;
import dev.domaindesk.domains.Severity;
import dev.domaindesk.history.HistoryEntry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a check's write keeps (issue 16's writer): history spans closed exactly for the records whose row held a
 * result, keys found per batch, results of records removed meanwhile (or removed and added again) dropped.
 */
class SaveChecksTest extends StoreTestBase {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);
    private static final Instant FIRST = Instant.parse("2026-12-07T10:00:00Z");
    private static final Instant SECOND = Instant.parse("2026-12-07T11:00:00Z");
    private static final Instant THIRD = Instant.parse("2026-12-07T12:00:00Z");

    @Test
    void aFirstCheckClosesNoSpanAndALaterChangeClosesExactlyTheHeldOne() {
        try (AppContext app = open(CLOCK)) {
            DomainWithRecords added = app.domains().add("spans.example", null);
            DomainRepository repository = AppContextAccess.repository(app);
            List<DnsRecord> records = added.records();
            String domainId = added.domain().id();
            // the first check after an add or import: every record changed, none held a result
            assertEquals(9, repository.saveChecks(List.of(added.domain()), verified(records, FIRST), ids(records)));
            assertEquals(9, app.history().ofDomain(domainId).size());
            assertEquals(Set.of(FIRST), Set.copyOf(app.history().ofDomain(domainId).stream()
                    .map(HistoryEntry::since).toList()));

            // the same results again: nothing changed, no span, the current one keeps its start
            assertEquals(9, repository.saveChecks(List.of(added.domain()), verified(records, SECOND), Set.of()));
            assertEquals(9, app.history().ofDomain(domainId).size());

            // one record's result changes: its span FIRST..THIRD is closed, its new one starts at THIRD
            DnsRecord r = records.get(0);
            DnsRecord mismatch = r.withCheck(false, CheckState.MISMATCH, List.of("other"),
                    List.of(new Diagnosis("VALUE_MISMATCH", Severity.ERROR, "expected x")), false, THIRD);
            List<DnsRecord> third = new ArrayList<>(verified(records.subList(1, 9), THIRD));
            third.add(0, mismatch);
            assertEquals(9, repository.saveChecks(List.of(added.domain()), third, Set.of(r.id())));
            List<HistoryEntry> ofR = app.history().ofDomain(domainId).stream()
                    .filter(e -> e.recordId().equals(r.id())).toList();
            assertEquals(List.of(FIRST, THIRD), ofR.stream().map(HistoryEntry::since).toList());
            assertEquals(List.of(CheckState.VERIFIED, CheckState.MISMATCH), ofR.stream().map(HistoryEntry::state).toList());
            assertEquals(10, app.history().ofDomain(domainId).size());
        }
    }

    /** Two processes share a store: each loaded the record unchecked, the other one stored its result first. */
    @Test
    void aResultStoredMeanwhileByAnotherProcessIsClosedNotLost() {
        try (AppContext app = open(CLOCK)) {
            DomainWithRecords added = app.domains().add("shared.example", null);
            DomainRepository one = AppContextAccess.repository(app);
            JdbcDomainRepository other = new JdbcDomainRepository(AppContextAccess.database(app));
            DnsRecord r = added.records().get(0);
            other.saveChecks(List.of(), List.of(r.withCheck(false, CheckState.MISSING, List.of(), List.of(), false, FIRST)),
                    Set.of(r.id()));
            // this process still thinks the record was never checked: its result is a change all the same
            one.saveChecks(List.of(), verified(List.of(r), SECOND), Set.of(r.id()));
            List<HistoryEntry> ofR = app.history().ofDomain(added.domain().id()).stream()
                    .filter(e -> e.recordId().equals(r.id())).toList();
            assertEquals(List.of(FIRST, SECOND), ofR.stream().map(HistoryEntry::since).toList());
            assertEquals(List.of(CheckState.MISSING, CheckState.VERIFIED), ofR.stream().map(HistoryEntry::state).toList());
        }
    }

    /** A sync removed the record and added it again under the same service id with another value. */
    @Test
    void aResultForARecordAddedAgainWithAnotherValueIsDropped() {
        try (AppContext app = open(CLOCK)) {
            DomainWithRecords added = app.domains().add("again.example", null);
            DomainRepository repository = AppContextAccess.repository(app);
            List<DnsRecord> records = added.records();
            syncFirstRecordWithNewToken(repository, added.domain(), records);

            // the check ran on what was loaded before the sync: the changed record's result is dropped, the others
            // (added again unchanged) take theirs
            assertEquals(8, repository.saveChecks(List.of(added.domain()), verified(records, FIRST), ids(records)));
            List<DnsRecord> stored = app.domains().records(added.domain().id());
            assertEquals("new-token", stored.get(0).value());
            assertEquals(CheckState.UNCHECKED, stored.get(0).checkState());
            assertEquals(CheckState.VERIFIED, stored.get(1).checkState());
            assertEquals(8, app.history().ofDomain(added.domain().id()).size());
        }
    }

    /**
     * A check session writes by the keys it read the records with (decision 0019). A sync meanwhile stored the
     * domain's records again under new keys, one with another value: the unchanged ones are found again by content
     * and take their results, the changed one's is dropped, as without a session.
     */
    @Test
    void aCheckSessionFindsRecordsStoredAgainMeanwhileAndDropsTheChangedOne() {
        try (AppContext app = open(CLOCK)) {
            DomainWithRecords added = app.domains().add("session.example", null);
            app.domains().add("other.example", null);
            DomainRepository repository = AppContextAccess.repository(app);
            CheckSession session = repository.checkSession();
            List<DnsRecord> loaded = new ArrayList<>();
            session.recordsOf(List.of(added.domain().id()), (id, records) -> loaded.addAll(records));
            assertEquals(added.records(), loaded);
            syncFirstRecordWithNewToken(repository, added.domain(), loaded);

            assertEquals(8, session.saveChecks(List.of(added.domain()), verified(loaded, FIRST), ids(loaded)));
            List<DnsRecord> stored = app.domains().records(added.domain().id());
            assertEquals("new-token", stored.get(0).value());
            assertEquals(CheckState.UNCHECKED, stored.get(0).checkState());
            assertEquals(List.of(CheckState.VERIFIED), stored.subList(1, 9).stream().map(DnsRecord::checkState)
                    .distinct().toList());
            stored.subList(1, 9).forEach(each -> assertEquals(List.of(each.value()), each.found(), "its own result"));
            assertEquals(8, app.history().ofDomain(added.domain().id()).size());
        }
    }

    /** Through a session: the results of a domain removed meanwhile are dropped; the others' are stored by key. */
    @Test
    void aCheckSessionDropsTheResultsOfADomainRemovedMeanwhile() {
        try (AppContext app = open(CLOCK)) {
            DomainWithRecords gone = app.domains().add("gone.example", null);
            DomainWithRecords kept = app.domains().add("kept.example", null);
            DomainRepository repository = AppContextAccess.repository(app);
            CheckSession session = repository.checkSession();
            List<DnsRecord> loaded = new ArrayList<>();
            session.recordsOf(List.of(gone.domain().id(), kept.domain().id()), (id, records) -> loaded.addAll(records));
            assertEquals(18, loaded.size());
            app.domains().remove(gone.domain().id());

            assertEquals(9, session.saveChecks(List.of(gone.domain(), kept.domain()), verified(loaded, FIRST),
                    ids(loaded)));
            List<DnsRecord> stored = app.domains().records(kept.domain().id());
            assertEquals(List.of(CheckState.VERIFIED), stored.stream().map(DnsRecord::checkState).distinct().toList());
            stored.forEach(each -> assertEquals(List.of(each.value()), each.found(), "its own result"));
            assertEquals(List.of(kept.domain().id()), app.domains().ids());
        }
    }

    /**
     * A check session's keys are safe only while a stored record's type, name, value and domain never change under
     * its key (decision 0019): the only statement that changes {@code dns_record} rows in place sets the service's own
     * verified flag. Adjacent string literals are joined first, so a statement split over lines is read whole.
     */
    @Test
    void noStatementChangesWhatAStoredRecordIsUnderItsKey() throws java.io.IOException {
        List<String> found = new ArrayList<>();
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main"))) {
            for (java.nio.file.Path file : files
                    .filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".sql")).toList()) {
                if (file.toString().contains("db/migration")) {
                    continue; // schema changes rebuild tables; they run before any session exists
                }
                String joined = joinLiterals(java.nio.file.Files.readString(file));
                Matcher m = IN_PLACE.matcher(joined);
                while (m.find()) {
                    found.add(file.getFileName() + ": " + (m.group(1) != null ? m.group(1).strip() : m.group().strip()));
                }
            }
        }
        assertEquals(List.of("JdbcRemoteCheckRepository.java: service_verified = ? WHERE id = ? AND domain_id = ?"),
                found);
    }

    /** An in-place change of {@code dns_record} rows: an UPDATE (with an alias or a schema), a MERGE, an upsert. */
    private static final Pattern IN_PLACE = Pattern.compile(
            "(?:UPDATE\\s+\"?(?:\\w+\\.)?dns_record\"?"
            + "(?:\\s+(?:AS\\s+)?(?!SET\\b)\\w+)?\\s+SET\\s+([^\"]*))|(MERGE\\s+INTO\\s+\"?(?:\\w+\\.)?dns_record\\b)"
            + "|(INSERT\\s+INTO\\s+\"?(?:\\w+\\.)?dns_record\\b[^\"]*ON\\s+CONFLICT)",
            Pattern.CASE_INSENSITIVE);

    /** Source text with adjacent string literals joined ({@code "a" + "b"} reads {@code "ab"}). */
    private static String joinLiterals(String source) {
        return source.replaceAll("\"\\s*\\+\\s*\"", "");
    }

    /** The guard above reads aliases, split literals, MERGE and upserts. */
    @Test
    void theGuardFindsEveryFormOfAnInPlaceChange() {
        for (String source : List.of("\"UPDATE dns_record r SET name = ?\"", "\"UPDATE dns_record\" + \" SET value = ?\"",
                "\"update public.dns_record set x = 1\"", "\"MERGE INTO dns_record KEY (id) VALUES (?)\"",
                "\"INSERT INTO dns_record (id) VALUES (?) ON CONFLICT (id) DO UPDATE SET name = ?\"")) {
            assertTrue(IN_PLACE.matcher(joinLiterals(source)).find(), source);
        }
    }

    /** A sync stores the domain's records again (under new keys), the first under its id with the value "new-token". */
    private static void syncFirstRecordWithNewToken(DomainRepository repository, Domain domain,
                                                    List<DnsRecord> records) {
        DnsRecord r = records.get(0);
        List<DnsRecord> synced = new ArrayList<>(records);
        synced.set(0, DnsRecord.fromService(r.id(), r.domainId(), r.recordType(), r.name(), "new-token",
                r.priority(), r.isRequired(), false, null, r.createdAt(), r.createdAt()));
        repository.replaceAll(List.of(new DomainWithRecords(domain, synced)), List.of());
    }

    private static List<DnsRecord> verified(List<DnsRecord> records, Instant at) {
        return records.stream().map(r -> r.withCheck(true, CheckState.VERIFIED, List.of(r.value()), List.of(), false, at))
                .toList();
    }

    private static Set<String> ids(List<DnsRecord> records) {
        return Set.copyOf(records.stream().map(DnsRecord::id).toList());
    }
}
