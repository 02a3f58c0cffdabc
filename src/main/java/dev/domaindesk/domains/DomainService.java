package dev.domaindesk.domains;

import dev.domaindesk.settings.SettingsRepository;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Adding, finding and removing domains. Plain Java, shared by the window, the command line and the API. */
public final class DomainService {
    public static final String DEFAULT_REGION = "us-east-1";
    public static final String REGION_SETTING = "region";

    private final DomainRepository repository;
    private final SettingsRepository settings;
    private final ProfileRegistry profiles;
    private final ProfileExpander expander;
    private final Clock clock;

    public DomainService(DomainRepository repository, SettingsRepository settings, ProfileRegistry profiles,
                         Clock clock) {
        this.repository = repository;
        this.settings = settings;
        this.profiles = profiles;
        this.expander = new ProfileExpander(new SecureRandom());
        this.clock = clock;
    }

    /** Adds a domain with its profile's records, in one transaction. */
    public DomainWithRecords add(String input, String profileName) {
        DomainName name = DomainName.parse(input);
        RecordProfile profile = profiles.require(profileName == null ? ProfileRegistry.DEFAULT : profileName);
        repository.findByName(name).ifPresent(existing -> {
            throw new DuplicateDomainException(name, existing.id());
        });
        Instant now = now();
        Domain domain = new Domain(Ids.newDomainId(), name, DomainStatus.PENDING, profile.name(), now, now, null, now,
                null, Domain.ServiceFields.NONE);
        List<DnsRecord> records = expander.expand(profile, domain, region(), now);
        repository.insert(domain, records);
        return new DomainWithRecords(domain, records);
    }

    /** Removes a domain and its records; returns how many records were removed. */
    public int remove(String nameOrId) {
        Domain domain = require(nameOrId);
        int removed = repository.delete(domain.id());
        if (removed < 0) {
            throw new DomainNotFoundException(nameOrId);
        }
        return removed;
    }

    /** Finds a domain by its id or by its name (any accepted spelling, IDN too). */
    public Optional<Domain> find(String nameOrId) {
        if (nameOrId == null || nameOrId.isBlank()) {
            return Optional.empty();
        }
        Optional<Domain> byId = repository.findById(nameOrId.strip());
        if (byId.isPresent()) {
            return byId;
        }
        try {
            return repository.findByName(DomainName.parse(nameOrId));
        } catch (InvalidDomainNameException e) {
            return Optional.empty();
        }
    }

    public Domain require(String nameOrId) {
        return find(nameOrId).orElseThrow(() -> new DomainNotFoundException(nameOrId));
    }

    public List<Domain> list() {
        return repository.findAll();
    }

    /** Every domain's id, in name order. */
    public List<String> ids() {
        return repository.findAllIds();
    }

    /** Each domain's required records and how many are verified (null: every domain). */
    public Map<String, Progress> progress(Collection<String> domainIds) {
        return repository.progress(domainIds);
    }

    /** What each of the domain's records is for, as its profile names them (record id to purpose). */
    public Map<String, String> purposes(Domain domain, List<DnsRecord> records) {
        return RecordPurposes.of(domain, records, profiles.find(domain.profile() == null ? ProfileRegistry.DEFAULT
                : domain.profile()).orElse(null));
    }

    public List<DnsRecord> records(String domainId) {
        return repository.recordsOf(domainId);
    }

    public List<String> profileNames() {
        return profiles.names();
    }

    public String region() {
        return settings.get(REGION_SETTING).orElse(DEFAULT_REGION);
    }

    /** How many domains have each status. */
    public Map<DomainStatus, Integer> countByStatus() {
        return repository.countByStatus();
    }

    /** The records of these domains, by domain id, in one read. */
    public Map<String, List<DnsRecord>> records(Collection<String> domainIds) {
        return repository.recordsOf(domainIds);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
