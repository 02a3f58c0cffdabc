package dev.domaindesk.domains;

/** No domain matches the name or id given. */
public class DomainNotFoundException extends RuntimeException {
    public DomainNotFoundException(String nameOrId) {
        super("no domain '" + nameOrId + "' in this data directory");
    }
}
