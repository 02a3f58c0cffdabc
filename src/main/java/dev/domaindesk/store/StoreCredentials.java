package dev.domaindesk.store;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Who a PostgreSQL store is opened as. The user: {@code ?user=} in the URL, else {@code DOMAINDESK_STORE_USER}, else
 * {@code PGUSER}, else the driver's default (the operating system user). The password, never from the command line:
 * {@code DOMAINDESK_STORE_PASSWORD}, else {@code PGPASSWORD}, else the driver's own reading of {@code ~/.pgpass}
 * ({@code PGPASSFILE}), else, when the server asks for one and a terminal is there, a prompt. A password is only
 * handed to the driver, never logged nor printed.
 */
public final class StoreCredentials {
    public static final String USER_ENV = "DOMAINDESK_STORE_USER";
    public static final String PASSWORD_ENV = "DOMAINDESK_STORE_PASSWORD";

    private final String user;
    private final char[] password;
    private final String passwordSource;
    private final Supplier<char[]> prompt;

    private StoreCredentials(String user, char[] password, String passwordSource, Supplier<char[]> prompt) {
        this.user = user;
        this.password = password;
        this.passwordSource = passwordSource;
        this.prompt = prompt;
    }

    /** No user or password of our own: the URL's user and the driver's .pgpass (tests, a trusted local server). */
    public static StoreCredentials none() {
        return new StoreCredentials(null, null, null, null);
    }

    /**
     * From the environment; {@code prompt} (may be null) asks for the password when the server wants one and none
     * was found, and answers null when it cannot ask.
     */
    public static StoreCredentials from(Map<String, String> env, Supplier<char[]> prompt) {
        String user = firstSet(env, USER_ENV, "PGUSER");
        String source = env.get(PASSWORD_ENV) != null && !env.get(PASSWORD_ENV).isEmpty() ? PASSWORD_ENV
                : env.get("PGPASSWORD") != null && !env.get("PGPASSWORD").isEmpty() ? "PGPASSWORD" : null;
        char[] password = source == null ? null : env.get(source).toCharArray();
        return new StoreCredentials(user, password, source, prompt);
    }

    private static String firstSet(Map<String, String> env, String... names) {
        for (String n : names) {
            String v = env.get(n);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    /** The user to log in as when the URL names none; null leaves it to the driver. */
    String user() {
        return user;
    }

    /** The password found in the environment, or null. */
    char[] password() {
        return password == null ? null : password.clone();
    }

    /** Where the password came from, for messages (never the password): an environment variable's name, or null. */
    String passwordSource() {
        return passwordSource;
    }

    /** Asks for the password once; null when there is no one to ask (or no prompt was given). */
    char[] ask() {
        return prompt == null ? null : prompt.get();
    }

    @Override
    public String toString() {
        return "StoreCredentials[user=" + user + ", password " + (password == null ? "not set" : "from "
                + passwordSource) + "]";
    }
}
