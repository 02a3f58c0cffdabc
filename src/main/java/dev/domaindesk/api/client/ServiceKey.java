package dev.domaindesk.api.client;

/** The service's API key. Its {@link #toString()} is masked, so it cannot leak into a log or a message by accident. */
public final class ServiceKey {
    private final String secret;
    private final String source;

    public ServiceKey(String secret, String source) {
        if (secret == null || secret.isBlank()) {
            throw new ApiException(ApiException.Kind.CONFIG, "the API key from " + source + " is empty");
        }
        if (secret.strip().chars().anyMatch(ch -> ch < 0x21 || ch > 0x7e)) {
            throw new ApiException(ApiException.Kind.CONFIG, "the API key from " + source
                    + " contains spaces or characters that cannot go into an HTTP header");
        }
        this.secret = secret.strip();
        this.source = source;
    }

    /** The secret, for the Authorization header only. */
    String secret() {
        return secret;
    }

    /** Where the key came from (the environment variable or the key file), for messages. */
    public String source() {
        return source;
    }

    /** The key as it may be shown: its last four characters at most. */
    public String masked() {
        return secret.length() <= 12 ? "****" : "****" + secret.substring(secret.length() - 4);
    }

    @Override
    public String toString() {
        return "ServiceKey[" + masked() + " from " + source + "]";
    }
}
