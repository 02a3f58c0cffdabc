package dev.domaindesk.api.client;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** When to retry: 429 after its Retry-After (or the backoff), 5xx after 1 s, 2 s, 4 s ...; at most maxRetries. */
final class RetryPolicy {
    private final ClientSettings settings;
    private final Clock clock;

    RetryPolicy(ClientSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** The wait before another attempt, or null when the answer is final. */
    Duration waitBefore(int attempt, HttpResponse<?> response, String what) {
        int status = response.statusCode();
        boolean retryable = status == 429 || status == 502 || status == 503 || status == 504 || status == 500;
        if (!retryable || attempt >= settings.maxRetries()) {
            return null;
        }
        Duration backoff = settings.retryBase().multipliedBy(1L << Math.min(attempt, 16));
        if (status != 429) {
            return min(backoff, settings.maxRetryWait());
        }
        Optional<Duration> asked = retryAfter(response.headers().firstValue("Retry-After").orElse(null));
        Duration wait = asked.orElse(backoff);
        if (wait.compareTo(settings.maxRetryWait()) > 0) {
            throw new ApiException(ApiException.Kind.RATE_LIMITED, what + " was rate limited (429) and the service"
                    + " asks to wait " + ServiceClient.seconds(wait) + ", longer than "
                    + ServiceClient.seconds(settings.maxRetryWait()) + "; try again later");
        }
        return wait;
    }

    /** Retry-After as seconds or as an HTTP date; empty when absent or unreadable. */
    Optional<Duration> retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String text = header.strip();
        if (text.chars().allMatch(Character::isDigit) && text.length() < 10) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
        }
        try {
            ZonedDateTime when = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration d = Duration.between(clock.instant(), when.toInstant());
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
