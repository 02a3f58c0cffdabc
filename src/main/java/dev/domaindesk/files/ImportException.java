package dev.domaindesk.files;

/** A document was refused; the message names the entry and field. Nothing was stored. */
public class ImportException extends IllegalArgumentException {
    public ImportException(String message) {
        super(message);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
