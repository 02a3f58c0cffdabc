package dev.domaindesk.api.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.domaindesk.api.json.ServiceDocuments;
import dev.domaindesk.api.json.ServiceJson;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainRepository;
import dev.domaindesk.domains.DomainStatus;
import dev.domaindesk.domains.DomainWithRecords;
import dev.domaindesk.verification.CheckStarter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The three read endpoints over the store, in the service's shapes and with its status codes and error texts.
 * Differences, on purpose: {@code meta} counts the whole store (the service counts only the page), and an unknown
 * {@code status} is refused with 400 instead of silently ignored.
 */
final class DomainsApi {
    private final DomainRepository repository;
    private final VerificationChecks checks;

    /** {@code checks}: null when this build cannot check ({@code ?check=true} answers 501). */
    DomainsApi(DomainRepository repository, CheckStarter checks) {
        this.repository = repository;
        this.checks = checks == null ? null : new VerificationChecks(repository, checks);
    }

    ApiResponse list(Query query) {
        Integer limit = query.integer("limit", 50);
        if (limit == null || limit < 1 || limit > 100) {
            return ApiResponse.error(400, "Limit must be between 1 and 100");
        }
        Integer offset = query.integer("offset", 0);
        if (offset == null || offset < 0) {
            return ApiResponse.error(400, "Offset must be non-negative");
        }
        DomainStatus status = null;
        String statusText = query.get("status");
        if (statusText != null && !statusText.isEmpty()) {
            if (!statusText.matches("pending|verified|failed")) {
                return ApiResponse.error(400, "Status must be pending, verified or failed");
            }
            status = DomainStatus.parse(statusText);
        }
        String canReceive = query.get("canReceive");
        if (canReceive != null && !canReceive.matches("true|false")) {
            return ApiResponse.error(400, "canReceive must be true or false");
        }
        Map<DomainStatus, Integer> counts = repository.countByStatus();
        List<Domain> page;
        int total;
        if (canReceive == null) {
            total = status == null ? counts.values().stream().mapToInt(Integer::intValue).sum() : counts.get(status);
            page = repository.findPage(status, limit, offset);
        } else {
            DomainStatus wanted = status;
            boolean receive = Boolean.parseBoolean(canReceive);
            List<Domain> matching = repository.findAll().stream()
                    .filter(d -> wanted == null || d.status() == wanted)
                    .filter(d -> receive == Boolean.TRUE.equals(d.provider().canReceiveEmails())).toList();
            total = matching.size();
            page = matching.subList(Math.min(offset, total), Math.min(offset + limit, total));
        }
        int catchAll = (int) repository.findAll().stream()
                .filter(d -> Boolean.TRUE.equals(d.provider().isCatchAllEnabled())).count();
        if (!query.isTrue("check") || page.isEmpty()) {
            return ApiResponse.ok(ServiceDocuments.list(page, limit, offset, total, counts, catchAll));
        }
        if (checks == null) {
            return ApiResponse.error(501, "Checking is not available in this build");
        }
        List<VerificationChecks.Answer> answers = checks.check(page);
        ObjectNode body = ServiceJson.mapper().valueToTree(ServiceDocuments.list(
                answers.stream().map(VerificationChecks.Answer::domain).toList(), limit, offset, total,
                repository.countByStatus(), catchAll));
        for (int i = 0; i < answers.size(); i++) {
            ((ObjectNode) body.get("data").get(i)).set("verificationCheck", answers.get(i).verificationCheck());
        }
        return ApiResponse.ok(body);
    }

    ApiResponse domain(String id, Query query) {
        Optional<Domain> found = repository.findById(id);
        if (found.isEmpty()) {
            return ApiResponse.error(404, "Domain not found");
        }
        if (!query.isTrue("check")) {
            return ApiResponse.ok(ServiceDocuments.domain(found.get()));
        }
        if (checks == null) {
            return ApiResponse.error(501, "Checking is not available in this build");
        }
        VerificationChecks.Answer answer = checks.check(found.get());
        ObjectNode body = ServiceJson.mapper().valueToTree(ServiceDocuments.domain(answer.domain()));
        body.set("verificationCheck", answer.verificationCheck());
        if (answer.authRecommendations() != null) {
            body.set("authRecommendations", answer.authRecommendations());
        }
        return ApiResponse.ok(body);
    }

    ApiResponse records(String id) {
        Optional<Domain> found = repository.findById(id);
        if (found.isEmpty()) {
            return ApiResponse.error(404, "Domain not found");
        }
        List<DnsRecord> records = repository.recordsOf(id).stream()
                .sorted(Comparator.comparing(r -> r.recordType().name())).toList();
        return ApiResponse.ok(ServiceDocuments.dnsRecords(new DomainWithRecords(found.get(), records)));
    }
}
