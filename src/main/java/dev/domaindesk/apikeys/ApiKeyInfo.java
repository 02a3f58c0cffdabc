package dev.domaindesk.apikeys;

import java.time.Instant;

/**
 * What is known about a server key without the key itself.
 *
 * @param prefix the first characters of the key, enough to tell keys apart, useless to authenticate
 */
public record ApiKeyInfo(String name, String prefix, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
    public boolean active() {
        return revokedAt == null;
    }
}
