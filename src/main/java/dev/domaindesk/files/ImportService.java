package dev.domaindesk.files;

import dev.domaindesk.domains.Counted;
import com.fasterxml.jackson.databind.JsonNode;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainRepository;
import dev.domaindesk.domains.DomainStatus;
import dev.domaindesk.domains.DomainWithRecords;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Imports the service's documents, all or nothing: the file is validated whole, then written in one transaction.
 * Domains and records keep the service's ids, so importing the same domain again updates it.
 */
public final class ImportService {
    private final DomainRepository repository;
    private final Clock clock;

    public ImportService(DomainRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** How much an import wrote. */
    public record Summary(int domainsAdded, int domainsUpdated, int records) {
        @Override
        public String toString() {
            return "imported " + Counted.of(domainsAdded + domainsUpdated, "domain") + " (" + domainsAdded + " new, "
                    + domainsUpdated + " updated) with " + Counted.of(records, "record");
        }
    }

    public Summary importFile(Path file) {
        return importRead(file, read(file, clock));
    }

    /**
     * Reads and validates {@code file} without touching the store, so a command can do it while the store opens.
     * Throws {@link ImportException} naming the file and what is wrong in it.
     */
    public static DocumentReader.Contents read(Path file, Clock clock) {
        requireRegularFile(file);
        try {
            return new DocumentReader(clock.instant().truncatedTo(ChronoUnit.MILLIS)).read(file);
        } catch (NoSuchFileException e) {
            throw new ImportException(file + ": no such file");
        } catch (IOException e) {
            throw new ImportException(file + ": cannot be read: " + e.getMessage(), e);
        } catch (ImportException e) {
            throw new ImportException(file.getFileName() + ": " + e.getMessage() + "; nothing was imported", e);
        }
    }

    /**
     * Reads and validates a document from {@code in} (standard input), at most {@code maxBytes}: a pipe, unlike a
     * file, may never end. Throws {@link ImportException} when it is longer or not a valid document.
     */
    public static DocumentReader.Contents readStream(InputStream in, long maxBytes, Clock clock) {
        try {
            return new DocumentReader(clock.instant().truncatedTo(ChronoUnit.MILLIS)).read(new BoundedInput(in, maxBytes));
        } catch (BoundedInput.TooLongException e) {
            throw new ImportException("standard input is longer than " + maxBytes + " bytes (--max-bytes); nothing was"
                    + " imported", e);
        } catch (IOException e) {
            throw new ImportException("standard input cannot be read: " + e.getMessage() + "; nothing was imported", e);
        } catch (ImportException e) {
            throw new ImportException("standard input: " + e.getMessage() + "; nothing was imported", e);
        }
    }

    /**
     * Refuses what is not a regular file before opening it: a FIFO or a device such as /dev/zero may never end, and
     * an import reading it would hang, holding the store, forever.
     */
    private static void requireRegularFile(Path file) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new ImportException(file + ": no such file");
        } catch (IOException e) {
            throw new ImportException(file + ": cannot be read: " + e.getMessage(), e);
        }
        if (!attributes.isRegularFile()) {
            throw new ImportException(file + ": is not a regular file (" + kind(file, attributes) + "); import reads a"
                    + " file, or standard input with 'import -'; nothing was imported");
        }
    }

    private static String kind(Path file, BasicFileAttributes attributes) {
        if (attributes.isDirectory()) {
            return "a directory";
        }
        try {
            int type = (Integer) Files.getAttribute(file, "unix:mode") & 0170000;
            return switch (type) {
                case 0010000 -> "a FIFO";
                case 0020000, 0060000 -> "a device";
                case 0140000 -> "a socket";
                default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "a device, FIFO or socket";
        }
    }

    /** Writes what {@link #read} found in {@code file}, in one transaction. */
    public Summary importRead(Path file, DocumentReader.Contents contents) {
        try {
            return write(contents);
        } catch (ImportException e) {
            throw new ImportException(file.getFileName() + ": " + e.getMessage() + "; nothing was imported", e);
        }
    }

    public Summary importJson(String json) {
        return write(new DocumentReader(clock.instant().truncatedTo(ChronoUnit.MILLIS)).read(json));
    }

    private Summary write(DocumentReader.Contents contents) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Map<String, Domain> byId = new HashMap<>();
        Map<String, Domain> byName = new HashMap<>();
        for (Domain d : repository.findAll()) {
            byId.put(d.id(), d);
            byName.put(d.name().ascii(), d);
        }
        List<DomainWithRecords> writes = new ArrayList<>();
        Set<String> replaced = new HashSet<>();
        int added = 0;
        int records = 0;
        for (DocumentReader.RecordsEntry doc : contents.recordDocuments()) {
            Domain existing = existing(byId, byName, doc.domainId(), doc.domain().ascii());
            added += existing == null ? 1 : 0;
            replaced.add(existing == null ? doc.domainId() : existing.id());
            records += doc.records().size();
            writes.add(new DomainWithRecords(fromRecords(doc, existing, now), doc.records()));
        }
        List<Domain> listed = new ArrayList<>();
        for (DocumentReader.DomainEntry entry : contents.domains()) {
            Domain existing = existing(byId, byName, entry.id(), entry.domain().ascii());
            added += existing == null ? 1 : 0;
            replaced.add(existing == null ? entry.id() : existing.id());
            listed.add(fromList(entry, existing, now));
        }
        Map<String, List<DnsRecord>> kept = repository.recordsOf(listed.stream()
                .map(d -> byName.containsKey(d.name().ascii()) ? byName.get(d.name().ascii()).id() : d.id()).toList());
        for (Domain d : listed) {
            Domain old = byName.get(d.name().ascii());
            List<DnsRecord> own = old == null ? List.of() : kept.getOrDefault(old.id(), List.of()).stream()
                    .map(r -> reassign(r, d.id())).toList();
            records += own.size();
            writes.add(new DomainWithRecords(d, own));
        }
        requireOwnRecordIds(writes, replaced);
        repository.replaceAll(writes, List.of());
        return new Summary(added, writes.size() - added, records);
    }

    /**
     * Refuses a record id that a stored domain keeps (one this import does not replace), or that two domains of
     * this import would share: either would break the store's key, which used to reach the user as raw SQL.
     */
    private void requireOwnRecordIds(List<DomainWithRecords> writes, Set<String> replaced) {
        Map<String, String> domainOf = new HashMap<>();
        for (DomainWithRecords w : writes) {
            for (DnsRecord r : w.records()) {
                String previous = domainOf.putIfAbsent(r.id(), w.domain().name().ascii());
                if (previous != null) {
                    throw new ImportException("record id " + r.id() + " would belong to two domains, " + previous
                            + " and " + w.domain().name().ascii() + "; record ids are unique across domains");
                }
            }
        }
        Map<String, String> owners = repository.recordOwners(domainOf.keySet());
        owners.forEach((recordId, ownerId) -> {
            if (!replaced.contains(ownerId)) {
                String owner = repository.findById(ownerId).map(d -> d.name().ascii()).orElse("?");
                throw new ImportException("domain " + domainOf.get(recordId) + ": record id " + recordId
                        + " already belongs to another stored domain, " + owner + " (id " + ownerId + "); record ids"
                        + " are unique across domains");
            }
        });
    }

    /**
     * The stored domain an imported one updates: same id, else same name. An id of one stored domain with the name
     * of another is refused: writing it would rename the first onto the second's name and delete the second.
     */
    private static Domain existing(Map<String, Domain> byId, Map<String, Domain> byName, String id, String name) {
        Domain sameId = byId.get(id);
        Domain sameName = byName.get(name);
        if (sameId != null && sameName != null && sameId != sameName) {
            throw new ImportException("domain " + name + " with id " + id + ": that id belongs to the stored domain "
                    + sameId.name().ascii() + " (id " + sameId.id() + ") and that name to another stored domain, "
                    + sameName.name().ascii() + " (id " + sameName.id() + "); an import never merges two domains:"
                    + " correct the id or the name");
        }
        return sameId != null ? sameId : sameName;
    }

    private static Domain fromRecords(DocumentReader.RecordsEntry doc, Domain existing, Instant now) {
        boolean allVerified = doc.records().stream().filter(DnsRecord::isRequired).allMatch(DnsRecord::isVerified);
        DomainStatus status = allVerified ? DomainStatus.VERIFIED
                : existing != null && existing.status() == DomainStatus.FAILED ? DomainStatus.FAILED : DomainStatus.PENDING;
        Instant lastCheck = doc.records().stream().map(DnsRecord::lastChecked).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(existing == null ? null : existing.lastDnsCheck());
        Instant created = existing != null ? existing.createdAt() : doc.records().stream().map(DnsRecord::createdAt)
                .min(Comparator.naturalOrder()).orElse(now);
        Instant pendingSince = status == DomainStatus.VERIFIED ? null
                : existing != null && existing.pendingSince() != null ? existing.pendingSince() : created;
        return new Domain(doc.domainId(), doc.domain(), status, existing == null ? null : existing.profile(), created,
                now, lastCheck, pendingSince, existing == null ? null : existing.serviceStatus(),
                existing == null ? Domain.ServiceFields.NONE : existing.provider());
    }

    private static Domain fromList(DocumentReader.DomainEntry entry, Domain existing, Instant now) {
        JsonNode f = entry.fields();
        DomainStatus status = entry.status() == null
                ? (existing == null ? DomainStatus.PENDING : existing.status()) : DomainStatus.parse(entry.status());
        Instant created = DocumentReader.instant(f, "createdAt", "");
        Instant updated = DocumentReader.instant(f, "updatedAt", "");
        created = created != null ? created : existing != null ? existing.createdAt() : now;
        return new Domain(entry.id(), entry.domain(), status, existing == null ? null : existing.profile(), created,
                updated != null ? updated : now, DocumentReader.instant(f, "lastDnsCheck", ""),
                status == DomainStatus.VERIFIED ? null : created, existing == null ? null : existing.serviceStatus(),
                new Domain.ServiceFields(optBool(f, "canReceiveEmails"), optBool(f, "hasMxRecords"),
                        DocumentReader.string(f, "domainProvider", "", false),
                        DocumentReader.string(f, "providerConfidence", "", false),
                        DocumentReader.instant(f, "lastSesCheck", ""), optBool(f, "isCatchAllEnabled")));
    }

    private static Boolean optBool(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.booleanValue();
    }

    private static DnsRecord reassign(DnsRecord r, String domainId) {
        return new DnsRecord(r.id(), domainId, r.recordType(), r.name(), r.value(), r.priority(), r.isRequired(),
                r.isVerified(), r.lastChecked(), r.createdAt(), r.updatedAt(), r.checkState(), r.found(),
                r.diagnoses(), r.regressed(), r.nextCheckAt(), r.serviceVerified());
    }
}
