package dev.domaindesk.api.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    final RetryPolicy policy = new RetryPolicy(ClientSettings.DEFAULTS,
            Clock.fixed(Instant.parse("2026-01-01T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void retryAfterInSecondsOrAsAnHttpDate() {
        assertEquals(Optional.of(Duration.ofSeconds(30)), policy.retryAfter("30"));
        assertEquals(Optional.of(Duration.ofSeconds(90)), policy.retryAfter("Thu, 01 Jan 2026 10:01:30 GMT"));
        assertEquals(Optional.of(Duration.ZERO), policy.retryAfter("Thu, 01 Jan 2026 09:00:00 GMT"));
        assertEquals(Optional.empty(), policy.retryAfter("soon"));
        assertEquals(Optional.empty(), policy.retryAfter(null));
    }
}
