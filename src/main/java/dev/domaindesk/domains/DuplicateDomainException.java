package dev.domaindesk.domains;

/** The domain is already there. */
public class DuplicateDomainException extends RuntimeException {
    public DuplicateDomainException(DomainName name, String id) {
        super("the domain " + name + " is already added (id " + id + ")");
    }
}
