package dev.domaindesk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects to a PostgreSQL store: {@link PostgresPool} over the driver's {@link PGSimpleDataSource} (no pool library
 * more). A first connection is made at once, so a wrong URL, an unreachable server or a refused login is said in one
 * sentence before anything else happens.
 */
final class PostgresConnector {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresConnector.class);
    private static final int MAX_CONNECTIONS = 16;
    private static final int CONNECT_TIMEOUT_S = 10;

    private PostgresConnector() {
    }

    static PostgresPool connect(StoreLocation location, StoreCredentials credentials) {
        char[] password = credentials.password();
        String source = credentials.passwordSource();
        while (true) {
            PostgresPool pool = new PostgresPool(dataSource(location, credentials, password), MAX_CONNECTIONS);
            try (Connection probe = pool.getConnection()) {
                LOG.debug("Opened store {} as {}", location.url(), probe.getMetaData().getUserName());
                return pool;
            } catch (SQLException e) {
                pool.dispose();
                if (password == null && needsPassword(e)) {
                    char[] asked = credentials.ask();
                    if (asked != null) {
                        password = asked;
                        source = "the prompt";
                        continue;
                    }
                }
                throw refused(location, credentials, source, e);
            }
        }
    }

    private static PGSimpleDataSource dataSource(StoreLocation location, StoreCredentials credentials, char[] password) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(location.url());
        if (location.user() == null && credentials.user() != null) {
            ds.setUser(credentials.user());
        }
        if (password != null) {
            ds.setPassword(new String(password));
        }
        ds.setApplicationName("DomainDesk");
        if (!location.url().contains("connectTimeout=")) {
            ds.setConnectTimeout(CONNECT_TIMEOUT_S);
        }
        return ds;
    }

    /** The server asked for a password and the driver had none (not from us, not from .pgpass). */
    private static boolean needsPassword(SQLException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return message.contains("no password was provided");
    }

    /** One sentence: what failed, where, and what to do; the driver's words after it, never a password. */
    static StoreException refused(StoreLocation location, StoreCredentials credentials, String passwordSource,
                                  SQLException e) {
        String state = String.valueOf(e.getSQLState());
        String where = "the PostgreSQL store " + location.url();
        String driver = firstLine(e);
        String what;
        if (state.equals("28P01") || state.equals("28000")) {
            what = "the server refused the login to " + where + " (" + driver + "); check the user (?user= in the URL, "
                    + StoreCredentials.USER_ENV + " or PGUSER) and the password"
                    + (passwordSource == null ? " (none was given: set " + StoreCredentials.PASSWORD_ENV
                            + " or PGPASSWORD, or add it to ~/.pgpass)" : " (from " + passwordSource + ")");
        } else if (needsPassword(e)) {
            what = "the server wants a password for " + where + " and none was given: set "
                    + StoreCredentials.PASSWORD_ENV + " or PGPASSWORD, add it to ~/.pgpass (PGPASSFILE), or run"
                    + " the command in a terminal to be asked";
        } else if (state.equals("3D000")) {
            what = "the database of " + where + " does not exist (" + driver + "); create it first"
                    + " (createdb) or correct the URL";
        } else if (state.startsWith("08")) {
            what = "cannot reach " + where + " (" + driver + "); is the server running, and is the host and port"
                    + " right?";
        } else {
            what = "cannot open " + where + ": " + driver;
        }
        return new StoreException(what, e);
    }

    private static String firstLine(SQLException e) {
        String message = String.valueOf(e.getMessage());
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
