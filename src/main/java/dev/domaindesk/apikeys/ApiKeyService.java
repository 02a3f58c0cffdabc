package dev.domaindesk.apikeys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Creates, lists, revokes and checks the Bearer keys of {@code domaindesk serve}. A key is 32 random bytes
 * (256 bits) in base64url behind a {@code ddk_} prefix; only its SHA-256 hash is stored. A slow password hash is
 * not needed for keys of that strength. Every stored hash is compared in constant time on each request.
 */
public final class ApiKeyService {
    public static final String KEY_PREFIX = "ddk_";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final int PREFIX_SHOWN = 8;
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final ApiKeyRepository repository;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> lastTouched = new ConcurrentHashMap<>();

    public ApiKeyService(ApiKeyRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** Creates a key; its secret is returned here once and never again. */
    public NewApiKey create(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a key name is 1 to 64 letters, digits, '.', '_' or '-', starting with"
                    + " a letter or digit; got '" + name + "'");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String prefix = secret.substring(0, KEY_PREFIX.length() + PREFIX_SHOWN);
        Instant now = now();
        if (!repository.insert(name, hash(secret), prefix, now)) {
            throw new IllegalArgumentException("a key named '" + name + "' already exists; revoke it first or choose"
                    + " another name");
        }
        return new NewApiKey(new ApiKeyInfo(name, prefix, now, null, null), secret);
    }

    public List<ApiKeyInfo> list() {
        return repository.list();
    }

    /** Revokes a key; from the next request on it is refused. */
    public void revoke(String name) {
        if (!repository.revoke(name, now())) {
            throw new IllegalArgumentException("no active key named '" + name + "'");
        }
    }

    /**
     * The name of the active key equal to {@code presented}, compared in constant time against every stored hash
     * (no early exit, so timing tells nothing about which key, or how much of one, matched).
     */
    public Optional<String> authenticate(String presented) {
        if (presented == null || presented.isEmpty() || presented.length() > 512) {
            return Optional.empty();
        }
        byte[] candidate = hash(presented);
        String match = null;
        for (ApiKeyRepository.StoredHash stored : repository.activeHashes()) {
            if (MessageDigest.isEqual(candidate, stored.hash()) && match == null) {
                match = stored.name();
            }
        }
        if (match != null) {
            touch(match);
        }
        return Optional.ofNullable(match);
    }

    private void touch(String name) {
        Instant now = now();
        Instant previous = lastTouched.get(name);
        if (previous == null || Duration.between(previous, now).compareTo(TOUCH_EVERY) >= 0) {
            lastTouched.put(name, now);
            repository.touch(name, now);
        }
    }

    static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
