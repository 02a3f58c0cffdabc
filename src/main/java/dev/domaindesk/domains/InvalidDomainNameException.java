package dev.domaindesk.domains;

/** A domain or record name was refused; the message names the problem in plain words. */
public class InvalidDomainNameException extends IllegalArgumentException {
    public InvalidDomainNameException(String message) {
        super(message);
    }
}
