package dev.domaindesk.api.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.domaindesk.domains.Domain;
import java.util.List;

/** Runs DomainDesk's own DNS check of one domain for {@code ?check=true}, answering in the service's shapes. */
public interface DomainCheckRunner {

    /**
     * @param verificationCheck   the service's {@code verificationCheck} object
     * @param authRecommendations the service's {@code authRecommendations} object, or null when nothing to recommend
     * @param domain              the domain as stored after the check
     */
    record Answer(Domain domain, JsonNode verificationCheck, JsonNode authRecommendations) {
    }

    /** Checks the domains in one run; the answers in the same order. */
    List<Answer> check(List<Domain> domains);

    default Answer check(Domain domain) {
        return check(List.of(domain)).get(0);
    }
}
