package dev.domaindesk.api.client;

/** The service's API key. Its {@link #toString()} is masked, so it cannot leak into a log or a message by accident. */
public final class ServiceKey {
    /** The most characters of the key in a row a text may keep: the four {@link #masked} shows, and one more. */
    private static final int SHOWN_AT_MOST = 5;

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

    /**
     * {@code text} with the key masked, and also every run of {@value #SHOWN_AT_MOST} or more characters of it: a
     * text cut short (a clipped error body, the start of an answer) may end with only the key's first part.
     */
    String mask(String text) {
        if (text == null) {
            return null;
        }
        String whole = text.replace(secret, masked());
        if (secret.length() <= SHOWN_AT_MOST) {
            return whole;
        }
        StringBuilder result = null;
        for (int i = 0; i < whole.length(); ) {
            int run = keyRunAt(whole, i);
            if (run > SHOWN_AT_MOST) {
                if (result == null) {
                    result = new StringBuilder(whole.substring(0, i));
                }
                result.append("****");
                i += run;
            } else {
                if (result != null) {
                    result.append(whole.charAt(i));
                }
                i++;
            }
        }
        return result == null ? whole : result.toString();
    }

    /** How many characters from {@code at} on are, in a row, somewhere in the key. */
    private int keyRunAt(String text, int at) {
        int longest = 0;
        for (int k = 0; k < secret.length(); k++) {
            int n = 0;
            while (at + n < text.length() && k + n < secret.length() && text.charAt(at + n) == secret.charAt(k + n)) {
                n++;
            }
            longest = Math.max(longest, n);
        }
        return longest;
    }

    @Override
    public String toString() {
        return "ServiceKey[" + masked() + " from " + source + "]";
    }
}
