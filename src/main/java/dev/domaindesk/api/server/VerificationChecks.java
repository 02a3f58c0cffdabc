package dev.domaindesk.api.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.domaindesk.api.json.ServiceJson;
import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.Diagnosis;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainRepository;
import dev.domaindesk.domains.RecordType;
import dev.domaindesk.verification.CheckListener;
import dev.domaindesk.verification.CheckRun;
import dev.domaindesk.verification.CheckStarter;
import dev.domaindesk.verification.CheckSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * {@code ?check=true} on DomainDesk's own engine: checks the domain's records against DNS, stores the verdicts,
 * and answers in the service's {@code verificationCheck} shape. DomainDesk does not talk to SES, so
 * {@code sesStatus} is "Unknown" (as the service says without SES access); DKIM and MAIL FROM statuses come from
 * the DNS records, and a record's {@code error} says what DNS actually returned instead of only "not found".
 */
final class VerificationChecks {
    private final DomainRepository repository;
    private final CheckStarter checks;

    /**
     * @param verificationCheck   the service's {@code verificationCheck} object
     * @param authRecommendations the service's {@code authRecommendations} object, or null when nothing to recommend
     * @param domain              the domain as stored after the check
     */
    record Answer(Domain domain, JsonNode verificationCheck, JsonNode authRecommendations) {
    }

    VerificationChecks(DomainRepository repository, CheckStarter checks) {
        this.repository = repository;
        this.checks = checks;
    }

    Answer check(Domain domain) {
        return check(List.of(domain)).get(0);
    }

    /** Checks the domains in one run; the answers in the same order. */
    List<Answer> check(List<Domain> domains) {
        CheckSummary summary;
        CheckRun run = checks.start(domains.stream().map(Domain::id).toList(), CheckListener.NONE);
        try {
            summary = run.done().get(120, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            run.cancel();
            throw new IllegalStateException("the DNS check did not finish within 120 s", e);
        } catch (InterruptedException e) {
            run.cancel();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the DNS check was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the DNS check failed: " + e.getCause().getMessage(), e.getCause());
        }
        Map<String, List<DnsRecord>> records = repository.recordsOf(domains.stream().map(Domain::id).toList());
        List<Answer> answers = new ArrayList<>();
        for (Domain domain : domains) {
            Domain after = repository.findById(domain.id()).orElse(domain);
            List<DnsRecord> own = records.getOrDefault(domain.id(), List.of());
            answers.add(new Answer(after, verificationCheck(after, own, summary), AuthRecommendations.of(after, own)));
        }
        return answers;
    }

    private static ObjectNode verificationCheck(Domain domain, List<DnsRecord> records, CheckSummary summary) {
        ObjectNode check = ServiceJson.mapper().createObjectNode();
        ArrayNode lines = check.putArray("dnsRecords");
        for (DnsRecord r : records) {
            ObjectNode line = lines.addObject();
            line.put("type", r.recordType().name());
            line.put("name", r.name());
            line.put("value", r.value());
            line.put("isVerified", r.checkState() == CheckState.VERIFIED);
            if (r.checkState() != CheckState.VERIFIED) {
                line.put("error", error(r));
            }
        }
        List<DnsRecord> dkim = records.stream().filter(r -> r.recordType() == RecordType.CNAME
                && r.name().contains("._domainkey.")).toList();
        boolean dkimVerified = !dkim.isEmpty() && dkim.stream().allMatch(r -> r.checkState() == CheckState.VERIFIED);
        String mailFrom = "mail." + domain.name().ascii();
        List<DnsRecord> mailFromRecords = records.stream().filter(r -> r.name().equals(mailFrom)).toList();
        boolean mailFromVerified = !mailFromRecords.isEmpty()
                && mailFromRecords.stream().allMatch(r -> r.checkState() == CheckState.VERIFIED);
        check.put("sesStatus", "Unknown");
        check.put("dkimStatus", dkim.isEmpty() ? "NotStarted" : dkimVerified ? "Success" : "Pending");
        check.put("dkimVerified", dkimVerified);
        ArrayNode tokens = check.putArray("dkimTokens");
        dkim.forEach(r -> tokens.add(r.name().substring(0, r.name().indexOf("._domainkey."))));
        check.put("mailFromDomain", mailFrom);
        check.put("mailFromStatus", mailFromRecords.isEmpty() ? "NotSet" : mailFromVerified ? "Success" : "Pending");
        check.put("mailFromVerified", mailFromVerified);
        check.put("isFullyVerified", records.stream().filter(DnsRecord::isRequired)
                .allMatch(r -> r.checkState() == CheckState.VERIFIED));
        check.put("lastChecked", ServiceJson.format(summary.checkedAt()));
        return check;
    }

    private static String error(DnsRecord r) {
        String found = r.found().isEmpty() ? "nothing found" : "found " + String.join(" | ", r.found());
        String why = r.diagnoses().stream().map(Diagnosis::message).collect(Collectors.joining("; "));
        return r.checkState().wire() + ": " + (why.isEmpty() ? found : why + " (" + found + ")");
    }
}
