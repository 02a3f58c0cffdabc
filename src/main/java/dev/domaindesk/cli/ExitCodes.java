package dev.domaindesk.cli;

/** The command line's exit codes; scripts depend on them. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int NOT_VERIFIED = 1;
    public static final int USAGE = 2;
    public static final int DNS_OR_NETWORK = 3;
    public static final int NOT_FOUND = 4;
    public static final int AUTH_REFUSED = 5;
    /** Standard output or an output file could not be written (a full disk, a closed pipe): the output is incomplete. */
    public static final int OUTPUT_FAILED = 6;
    /** {@code check}: the results of some domains could not be stored (the report names them and why). */
    public static final int NOT_STORED = 7;

    private ExitCodes() {
    }
}
