package dev.domaindesk.store;

import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Where the store is: the embedded H2 file in the data directory (the default), or a PostgreSQL database given by a
 * JDBC URL ({@code jdbc:postgresql://HOST[:PORT]/DATABASE[?user=NAME&...]}), which several processes on several
 * machines can share (decision 0015). A URL carrying a password is refused: it would show in the process list, the
 * shell's history and every message that names the store.
 */
public final class StoreLocation {
    public static final String POSTGRESQL_PREFIX = "jdbc:postgresql:";
    private static final Pattern USER_INFO = Pattern.compile("^jdbc:postgresql://[^/?]*@");
    private static final StoreLocation EMBEDDED = new StoreLocation(null);

    private final String url;

    private StoreLocation(String url) {
        this.url = url;
    }

    /** The H2 file in the data directory. */
    public static StoreLocation embedded() {
        return EMBEDDED;
    }

    /**
     * A PostgreSQL store; {@code url} is checked here, before any connection: a PostgreSQL JDBC URL, without a
     * password. Throws {@link StoreException} saying what is wrong.
     */
    public static StoreLocation of(String url) {
        String trimmed = url == null ? "" : url.trim();
        if (trimmed.isEmpty()) {
            throw new StoreException("the store URL is empty; give a PostgreSQL JDBC URL such as"
                    + " jdbc:postgresql://db.example.com:5432/domaindesk, or leave it out for the embedded store", null);
        }
        if (!trimmed.toLowerCase(Locale.ROOT).startsWith(POSTGRESQL_PREFIX)) {
            throw new StoreException("unsupported store URL '" + redact(trimmed) + "': DomainDesk stores in its"
                    + " embedded H2 file (the default) or in PostgreSQL, given as"
                    + " jdbc:postgresql://HOST[:PORT]/DATABASE", null);
        }
        if (USER_INFO.matcher(trimmed).find()) {
            throw new StoreException("the store URL must not carry a user or password before the host (USER:PASSWORD@);"
                    + " give the user as ?user=NAME and the password in PGPASSWORD, DOMAINDESK_STORE_PASSWORD or"
                    + " ~/.pgpass", null);
        }
        Properties parsed = org.postgresql.Driver.parseURL(trimmed, new Properties());
        if (parsed == null) {
            throw new StoreException("the store URL '" + redact(trimmed) + "' is not a PostgreSQL JDBC URL; expected"
                    + " jdbc:postgresql://HOST[:PORT]/DATABASE[?user=NAME]", null);
        }
        // the URL's own parameters, not the driver's parse of it: that also holds what it read from ~/.pgpass
        int query = trimmed.indexOf('?');
        for (String pair : query < 0 ? new String[0] : trimmed.substring(query + 1).split("&")) {
            String key = java.net.URLDecoder.decode(pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair,
                    java.nio.charset.StandardCharsets.UTF_8);
            String k = key.trim().toLowerCase(Locale.ROOT);
            if (k.equals("password") || k.equals("sslpassword")) {
                throw new StoreException("the store URL carries a password (" + key + "=…), which would show in the"
                        + " process list and in messages; remove it and give the password in PGPASSWORD,"
                        + " DOMAINDESK_STORE_PASSWORD or ~/.pgpass (PGPASSFILE)", null);
            }
        }
        return new StoreLocation(trimmed);
    }

    public boolean isEmbedded() {
        return url == null;
    }

    /** The JDBC URL of a PostgreSQL store (never carries a password); null for the embedded store. */
    public String url() {
        return url;
    }

    /** The user named in the URL ({@code ?user=}), or null. */
    public String user() {
        if (url == null) {
            return null;
        }
        Properties parsed = org.postgresql.Driver.parseURL(url, new Properties());
        return parsed == null ? null : parsed.getProperty("user");
    }

    /** For messages: the URL (it has no password), or "the embedded store". */
    public String describe() {
        return url == null ? "the embedded store" : url;
    }

    /** What a refused URL may show: everything up to its parameters, which might hold a secret. */
    private static String redact(String url) {
        int q = url.indexOf('?');
        String shown = q < 0 ? url : url.substring(0, q) + "?…";
        int at = shown.indexOf('@');
        return at < 0 ? shown : "…" + shown.substring(at);
    }

    @Override
    public String toString() {
        return describe();
    }
}
