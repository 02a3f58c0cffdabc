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

    /** This failure with every occurrence of the key masked (a service may echo the key in its error text). */
    ApiException redact(ServiceKey key) {
        String message = getMessage();
        if (message == null || !message.contains(key.secret())) {
            return this;
        }
        ApiException clean = new ApiException(kind, message.replace(key.secret(), key.masked()), getCause());
        clean.setStackTrace(getStackTrace());
        return clean;
    }
}
