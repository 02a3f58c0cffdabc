package dev.domaindesk.api.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainService;
import dev.domaindesk.domains.DomainStatus;
import dev.domaindesk.domains.RecordType;
import dev.domaindesk.domains.RemoteCheckRepository;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * "Ask the service to check": {@code GET /domains/{id}?check=true} for one synced domain. Stores the service's
 * {@code verificationCheck} and its per-record verdicts beside DomainDesk's own, in one transaction.
 */
public final class RemoteCheckService {
    private final DomainService domains;
    private final RemoteCheckRepository checks;
    private final ServiceClients clients;
    private final Clock clock;

    public RemoteCheckService(DomainService domains, RemoteCheckRepository checks, ServiceClients clients, Clock clock) {
        this.domains = domains;
        this.checks = checks;
        this.clients = clients;
        this.clock = clock;
    }

    /** Asks the service at the remembered {@code api.url}. */
    public RemoteCheckResult check(String nameOrId) {
        return check(nameOrId, null);
    }

    /** Asks the service at {@code apiUrl} (null: the remembered {@code api.url}). */
    public RemoteCheckResult check(String nameOrId, String apiUrl) {
        Domain domain = domains.require(nameOrId);
        ServiceClient client = clients.open(apiUrl);
        try {
            return ask(nameOrId, domain, client);
        } catch (RuntimeException e) {
            throw client.redact(e);
        }
    }

    private RemoteCheckResult ask(String nameOrId, Domain domain, ServiceClient client) {
        String path = "/domains/" + URLEncoder.encode(domain.id(), StandardCharsets.UTF_8) + "?check=true";
        String what = "GET " + path;
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        JsonNode root = new ServiceAnswers(now).tree(what, client.get(path));
        RemoteCheckReader reader = new RemoteCheckReader(what);
        reader.requireDomain(root, domain);
        DomainStatus serviceStatus = reader.status(root);
        JsonNode check = reader.verificationCheck(root);
        List<DnsRecord> ours = domains.records(domain.id());
        Map<String, Boolean> verdicts = new HashMap<>();
        List<RemoteCheckResult.RecordVerdict> lines = new ArrayList<>();
        for (RemoteCheckReader.Line line : reader.lines(check)) {
            Optional<DnsRecord> match = ours.stream().filter(r -> same(r, line)).findFirst();
            match.ifPresent(r -> verdicts.put(r.id(), line.isVerified()));
            lines.add(new RemoteCheckResult.RecordVerdict(line.type(), line.name(), line.value(), line.isVerified(),
                    line.error(), match.map(r -> r.checkState().wire()).orElse(null)));
        }
        JsonNode recommendations = root.get("authRecommendations");
        Instant checkedAt = reader.instant(check, "lastChecked", now);
        RemoteCheckRepository.Stored stored = new RemoteCheckRepository.Stored(domain.id(), checkedAt, check.toString(),
                recommendations == null || recommendations.isNull() ? null : recommendations.toString());
        if (!checks.save(domain.id(), serviceStatus, verdicts, stored)) {
            throw new dev.domaindesk.domains.DomainNotFoundException(nameOrId);
        }
        return new RemoteCheckResult(domain.id(), domain.name().ascii(),
                serviceStatus == null ? null : serviceStatus.wire(), reader.text(check, "sesStatus"),
                reader.text(check, "dkimStatus"), reader.text(check, "mailFromStatus"),
                reader.bool(check, "isFullyVerified"), lines, recommendations(recommendations), checkedAt);
    }

    /** The service's last check of a domain, as stored. */
    public Optional<RemoteCheckRepository.Stored> last(String domainId) {
        return checks.find(domainId);
    }

    private static boolean same(DnsRecord r, RemoteCheckReader.Line line) {
        RecordType type;
        try {
            type = RecordType.parse(line.type());
        } catch (IllegalArgumentException e) {
            return false;
        }
        String name = line.name().toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
        return r.recordType() == type && r.name().equalsIgnoreCase(name)
                && (r.value().strip().equals(line.value().strip()) || r.target().equalsIgnoreCase(line.value().strip()));
    }

    private static List<RemoteCheckResult.Recommendation> recommendations(JsonNode node) {
        List<RemoteCheckResult.Recommendation> result = new ArrayList<>();
        if (node == null || !node.isObject()) {
            return result;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode r = e.getValue();
            if (r != null && r.isObject()) {
                result.add(new RemoteCheckResult.Recommendation(e.getKey(), r.path("name").asText(null),
                        r.path("value").asText(null), r.path("description").asText(null)));
            }
        }
        return result;
    }
}
