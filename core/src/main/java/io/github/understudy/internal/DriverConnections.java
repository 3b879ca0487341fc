package io.github.understudy.internal;

import com.mysql.cj.jdbc.NonRegisteringDriver;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Connector/J connections to one URL with fixed properties, as the {@link DataSource} a HikariCP pool draws from.
 * The properties (credentials, and any password-like driver property) stay here: HikariCP never holds them, so
 * its DEBUG dump of its configuration, which masks only a property named {@code password}, cannot show them.
 */
final class DriverConnections implements DataSource {

    private static final NonRegisteringDriver DRIVER = newDriver();

    private final String url;
    private final Properties properties;

    DriverConnections(String url, Properties properties) {
        this.url = url;
        this.properties = properties;
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
        return connect(url, properties);
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

    /** Ignored: Connector/J's {@code connectTimeout} and {@code socketTimeout} bound a new connection. */
    @Override
    public void setLoginTimeout(int seconds) {
        // see above
    }

    @Override
    public int getLoginTimeout() {
        return 0;
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
