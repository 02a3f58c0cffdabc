package dev.domaindesk.store;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The connections to a PostgreSQL store: up to {@code max} at once, idle ones kept for the next transaction. Unlike
 * the embedded store's pool it never hands out a connection the server has closed (a restart, a failover, an idle
 * timeout on the way): one found closed is dropped, and one idle for a while is asked whether it still works before
 * it is used. A transaction cut off with its connection runs again on a new one ({@code Jdbc}).
 */
final class PostgresPool implements DataSource {
    /** An idle connection older than this is checked with a round trip before use. */
    private static final long VALIDATE_AFTER_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final int VALIDATE_TIMEOUT_S = 3;
    private static final long WAIT_SECONDS = 30;

    private record Idle(Connection connection, long since) {
    }

    private final DataSource source;
    private final Semaphore permits;
    private final Deque<Idle> idle = new ArrayDeque<>();
    private boolean disposed;
    /** When a connection was last found closed by the server: every idle one from before is checked before use. */
    private long lostAt = System.nanoTime() - TimeUnit.DAYS.toNanos(1);

    PostgresPool(DataSource source, int max) {
        this.source = source;
        this.permits = new Semaphore(max, true);
    }

    @Override
    public Connection getConnection() throws SQLException {
        try {
            if (!permits.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new SQLException("all connections to the store are in use (waited " + WAIT_SECONDS + " s)",
                        "08004");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a connection to the store", "08004", e);
        }
        try {
            return handle(physical());
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    private Connection physical() throws SQLException {
        while (true) {
            Idle next;
            long lost;
            synchronized (this) {
                if (disposed) {
                    throw new SQLException("the store is closed", "08003");
                }
                next = idle.pollLast();
                lost = lostAt;
            }
            if (next == null) {
                return source.getConnection();
            }
            Connection c = next.connection();
            boolean stale = System.nanoTime() - next.since() > VALIDATE_AFTER_NANOS || next.since() - lost <= 0;
            if (!c.isClosed() && (!stale || c.isValid(VALIDATE_TIMEOUT_S))) {
                return c;
            }
            closeQuietly(c);
        }
    }

    /** What a caller gets: closing it gives the connection back (or drops it, when the server closed it). */
    private Connection handle(Connection physical) {
        boolean[] returned = {false};
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close":
                            if (!returned[0]) {
                                returned[0] = true;
                                giveBack(physical);
                            }
                            return null;
                        case "isClosed":
                            return returned[0] || physical.isClosed();
                        case "unwrap":
                            return ((Class<?>) args[0]).isInstance(proxy) ? proxy : physical.unwrap((Class<?>) args[0]);
                        case "isWrapperFor":
                            return ((Class<?>) args[0]).isInstance(proxy) || physical.isWrapperFor((Class<?>) args[0]);
                        default:
                            if (returned[0]) {
                                throw new SQLException("this connection was given back to the pool", "08003");
                            }
                            try {
                                return method.invoke(physical, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                    }
                });
    }

    private void giveBack(Connection physical) {
        try {
            boolean keep = !physical.isClosed();
            if (keep && !physical.getAutoCommit()) {
                physical.rollback(); // whatever the caller neither committed nor rolled back
                physical.setAutoCommit(true);
            }
            synchronized (this) {
                if (!keep) {
                    lostAt = System.nanoTime(); // the server went away: so did the others' connections, likely
                }
                if (keep && !disposed) {
                    idle.addLast(new Idle(physical, System.nanoTime()));
                    physical = null;
                }
            }
        } catch (SQLException e) {
            // the connection is broken: dropped below
        } finally {
            if (physical != null) {
                closeQuietly(physical);
            }
            permits.release();
        }
    }

    /** Closes the idle connections; those in use close as they are given back. */
    void dispose() {
        Deque<Idle> toClose;
        synchronized (this) {
            disposed = true;
            toClose = new ArrayDeque<>(idle);
            idle.clear();
        }
        toClose.forEach(i -> closeQuietly(i.connection()));
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // already gone
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the store's pool logs in as it was opened");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper for " + iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
