package dev.domaindesk.cli;

/** Wrong arguments or bad input: exit 2 with this message on stderr. */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
