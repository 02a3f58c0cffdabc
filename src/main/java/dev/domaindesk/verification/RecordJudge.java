package dev.domaindesk.verification;

import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.Diagnosis;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.Severity;
import dev.domaindesk.verification.dns.Asker;
import dev.domaindesk.verification.dns.Authorities;
import dev.domaindesk.verification.dns.DnsAnswer;
import dev.domaindesk.verification.dns.DnsClient;
import dev.domaindesk.verification.rules.Diagnoses;
import dev.domaindesk.verification.rules.Evaluation;
import dev.domaindesk.verification.rules.Names;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Produces a record's verdict: through the resolvers, and with {@code --authoritative} also from the zone's
 * authoritative servers, whose answer then decides; where they have the record and the resolver does not yet,
 * the verdict says NOT_PROPAGATED.
 */
final class RecordJudge {
    private static final Logger LOG = LoggerFactory.getLogger(RecordJudge.class);

    private final RecordChecker checker;
    private final Asker resolver;
    private final Authorities authorities;
    private final Clock clock;

    /** {@code authorities} null: ask the resolvers only. */
    RecordJudge(RecordChecker checker, DnsClient client, Authorities authorities, Clock clock) {
        this.checker = checker;
        this.resolver = client::ask;
        this.authorities = authorities;
        this.clock = clock;
    }

    CompletableFuture<RecordVerdict> of(Domain domain, DnsRecord record) {
        CompletableFuture<Evaluation> result;
        try {
            result = evaluate(domain, record);
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        return result.handle((evaluation, error) -> verdict(record, evaluation, error));
    }

    private CompletableFuture<Evaluation> evaluate(Domain domain, DnsRecord record) {
        // a provider appends its zone's apex to names and values entered in full
        String zone = domain.zone() != null ? domain.zone().ascii() : domain.name().ascii();
        CompletableFuture<DnsAnswer> viaResolver = checker.primary(record, resolver);
        CompletableFuture<Evaluation> resolverView = viaResolver.thenCompose(a -> checker.evaluate(record, zone, a, resolver));
        CompletableFuture<Evaluation> result = authorities == null ? resolverView
                : authorities.serversFor(RecordChecker.dnsName(zone)).thenCompose(servers -> servers.isEmpty() ? resolverView
                        : authoritative(record, zone, authorities.askerFor(servers), resolverView, viaResolver));
        return result;
    }

    /** The verdict, or for an unexpected failure a DNS_ERROR (isVerified kept) saying so; cancellation passes. */
    private RecordVerdict verdict(DnsRecord record, Evaluation evaluation, Throwable error) {
        Instant now = clock.instant();
        if (error == null) {
            return new RecordVerdict(record.id(), evaluation.state(), evaluation.found(), evaluation.diagnoses(), now);
        }
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof CancellationException c) {
            throw c;
        }
        LOG.error("Checking {} {} failed", record.recordType(), record.name(), cause);
        return new RecordVerdict(record.id(), CheckState.DNS_ERROR, List.of(), List.of(new Diagnosis("CHECK_FAILED",
                Severity.ERROR, "The check itself failed (" + cause + "); the record's verified state is kept.")), now);
    }

    private CompletableFuture<Evaluation> authoritative(DnsRecord record, String zone, Asker asker,
                                                        CompletableFuture<Evaluation> resolverView,
                                                        CompletableFuture<DnsAnswer> viaResolver) {
        CompletableFuture<Evaluation> authView = checker.primary(record, asker)
                .thenCompose(a -> checker.evaluate(record, zone, a, asker));
        return authView.thenCombine(resolverView, (auth, res) -> {
            if (auth.state() == CheckState.DNS_ERROR) {
                return res;
            }
            if (auth.verified() && Verdicts.notVerified(res.state())) {
                DnsAnswer seen = viaResolver.join();
                long ttl = seen.negative() ? seen.negativeTtl() : 0;
                return auth.with(Diagnoses.notPropagated(Names.normalize(record.name()), ttl,
                        clock.instant().plusSeconds(ttl)));
            }
            return auth;
        });
    }
}
