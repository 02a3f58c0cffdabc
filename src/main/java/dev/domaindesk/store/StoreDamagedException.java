package dev.domaindesk.store;

/** The store file is not what DomainDesk left: refused before anything is written over it. */
public final class StoreDamagedException extends StoreException {
    public StoreDamagedException(String message, Throwable cause) {
        super(message, cause);
    }
}
