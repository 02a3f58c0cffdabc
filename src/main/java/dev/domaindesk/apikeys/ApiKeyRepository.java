package dev.domaindesk.apikeys;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where server keys live: a name, a SHA-256 hash and dates. Every method is one transaction. */
public interface ApiKeyRepository {

    /** A key's name and hash, as needed to authenticate a request. */
    record StoredHash(String name, byte[] hash) {
    }

    /** Stores a new key; a revoked key of the same name is replaced. Returns false when an active key has the name. */
    boolean insert(String name, byte[] hash, String prefix, Instant createdAt);

    List<ApiKeyInfo> list();

    Optional<ApiKeyInfo> find(String name);

    /** Marks a key revoked; false when there is no active key of that name. */
    boolean revoke(String name, Instant when);

    /** The hashes of all keys not revoked. */
    List<StoredHash> activeHashes();

    void touch(String name, Instant when);
}
