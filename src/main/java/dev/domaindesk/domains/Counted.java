package dev.domaindesk.domains;

/** "1 domain", "3 domains": counts in messages read as English. */
public final class Counted {
    private Counted() {
    }

    /** {@code n} and the noun, with an "s" unless {@code n} is one. */
    public static String of(long n, String noun) {
        return n + " " + (n == 1 ? noun : noun + "s");
    }
}
