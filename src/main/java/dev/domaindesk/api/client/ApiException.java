package dev.domaindesk.api.client;

/** A call to the service failed; the message says what happened in plain words and never contains the key. */
public class ApiException extends RuntimeException {

    /** What kind of failure, for exit codes and for the window's wording. */
    public enum Kind {
        /** 401/403: the key was refused. */
        AUTH,
        NOT_FOUND,
        /** 400: the service refused the request; the message carries its error text. */
        BAD_REQUEST,
        RATE_LIMITED,
        SERVER,
        TIMEOUT,
        TLS,
        NETWORK,
        /** The body is not JSON, not the documented shape, too large, or the pages never end. */
        BAD_RESPONSE,
        /** No key, or a URL that may not be used. */
        CONFIG
    }

    private final Kind kind;

    public ApiException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public ApiException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * This failure with the key masked wherever it appears, whole or cut short, in its message and in its causes'
     * (a service may echo the key in its error text, and a cause's message may quote the answer); itself when clean.
     */
    ApiException redact(ServiceKey key) {
        String message = key.mask(getMessage());
        Throwable cause = redact(getCause(), key, 0);
        if (java.util.Objects.equals(message, getMessage()) && cause == getCause()) {
            return this;
        }
        ApiException clean = new ApiException(kind, message, cause);
        clean.setStackTrace(getStackTrace());
        return clean;
    }

    /** {@code e} with the key masked, as an ApiException when it was another kind of failure that quoted the key. */
    static RuntimeException redact(RuntimeException e, ServiceKey key) {
        if (e instanceof ApiException api) {
            return api.redact(key);
        }
        Throwable clean = redact(e, key, 0);
        return clean == e ? e : new ApiException(Kind.BAD_RESPONSE, clean.getMessage(), clean.getCause());
    }

    private static Throwable redact(Throwable t, ServiceKey key, int depth) {
        if (t == null || depth > 20) {
            return null;
        }
        Throwable cause = redact(t.getCause(), key, depth + 1);
        String message = key.mask(t.getMessage());
        if (java.util.Objects.equals(message, t.getMessage()) && cause == t.getCause()) {
            return t;
        }
        Throwable clean = new Masked(t.getClass().getName() + (message == null ? "" : ": " + message), cause);
        clean.setStackTrace(t.getStackTrace());
        return clean;
    }

    /** A cause whose message quoted the key, re-made with the key masked; prints as the original did. */
    private static final class Masked extends RuntimeException {
        Masked(String message, Throwable cause) {
            super(message, cause);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
