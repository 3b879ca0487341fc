package io.github.understudy.internal;

import com.mysql.cj.jdbc.NonRegisteringDriver;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Connector/J connections to one URL with fixed properties, as the {@link DataSource} a HikariCP pool draws from.
 * The properties (credentials, and any password-like driver property) stay here: HikariCP never holds them, so
 * its DEBUG dump of its configuration, which masks only a property named {@code password}, cannot show them.
 * <p>
 * It also closes what its pool leaves behind. HikariCP's shutdown waits for a connection being created only for
 * its data source's login timeout, then drops one that completes later without closing it (its bag is closed):
 * the server kept that session (the chaos run found one to three per segment). So {@link #close()}, called after
 * the pool's, closes every connection made here that is still open, and one that completes afterwards at once.
 */
final class DriverConnections implements DataSource, AutoCloseable {

    private static final NonRegisteringDriver DRIVER = newDriver();

    /** How a connection is made: Connector/J, or a test's stand-in. */
    @FunctionalInterface
    interface Connector {
        Connection connect(String url, Properties properties) throws SQLException;
    }

    private final String url;
    private final Properties properties;
    private final Connector connector;
    private final Set<Connection> made = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private volatile int loginTimeoutSeconds;

    DriverConnections(String url, Properties properties) {
        this(url, properties, DriverConnections::connect);
    }

    DriverConnections(String url, Properties properties, Connector connector) {
        this.url = url;
        this.properties = properties;
        this.connector = connector;
    }

    private static NonRegisteringDriver newDriver() {
        try {
            return new NonRegisteringDriver();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot load Connector/J", e);
        }
    }

    /** A new connection to {@code url} with {@code properties}. */
    static Connection connect(String url, Properties properties) throws SQLException {
        Connection connection = DRIVER.connect(url, properties);
        if (connection == null) {
            throw new SQLException("Connector/J did not accept " + url, "08001");
        }
        return connection;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = connector.connect(url, properties);
        made.removeIf(DriverConnections::isClosed); // the pool closed them: at most a pool's worth stays here
        made.add(connection);
        if (closed) { // the pool shut down while this was being made: it will not take it
            quietlyClose(connection);
            throw new SQLException("the pool of " + url + " is closed", "08003");
        }
        return connection;
    }

    /** Closes every connection made here that is still open: call it once the pool is closed. */
    @Override
    public void close() {
        closed = true;
        made.forEach(DriverConnections::quietlyClose);
        made.clear();
    }

    private static boolean isClosed(Connection connection) {
        try {
            return connection.isClosed(); // a flag in Connector/J: no round trip
        } catch (SQLException e) {
            return true;
        }
    }

    private static void quietlyClose(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // a broken connection: nothing is left to release
        }
    }

    /** Not used: the credentials are among the properties. */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the credentials come from the configuration");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // Connector/J logs through its own settings
    }

    /**
     * Kept, not passed on (Connector/J's {@code connectTimeout} and {@code socketTimeout} bound a new connection):
     * HikariCP sets it from its connection timeout and, at shutdown, waits this long for a connection being made.
     */
    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeoutSeconds = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeoutSeconds;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("Connector/J does not log through java.util.logging");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper for " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }

    /** {@return the URL only: what HikariCP logs of its data source} */
    @Override
    public String toString() {
        return "Connector/J " + url;
    }
}
