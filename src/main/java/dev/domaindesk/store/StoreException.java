package dev.domaindesk.store;

/** The store could not be opened or written; the message says why in plain words. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
