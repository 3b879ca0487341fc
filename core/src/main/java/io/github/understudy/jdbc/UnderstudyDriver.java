package io.github.understudy.jdbc;

import io.github.understudy.Setting;
import io.github.understudy.UnderstudyDataSource;
import io.github.understudy.internal.DriverInstances;
import io.github.understudy.internal.JdbcUrl;
import io.github.understudy.internal.SettingsInfo;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * A JDBC driver for the tools and frameworks that take a URL and a driver class rather than a {@code DataSource}
 * (Flyway, Liquibase, Quarkus, Micronaut, Hibernate without Spring, database IDEs):
 * <pre>{@code
 * jdbc:understudy:mysql://db1:3306,db2:3306,db3:3306/shop?admin.username=understudy&max-replica-lag=5s
 * }</pre>
 * ({@code jdbc:understudy:mariadb://} means the same). The host list is every node of the cluster, the path the
 * database. Each {@link Setting} can be a URL parameter or a {@code Properties} entry under its
 * {@linkplain Setting#key() key} ({@code probe-interval}; the builder's {@code probeInterval} works too), with the
 * values of the Spring Boot properties ({@code 500ms}, {@code true}, {@code read-your-writes}); JDBC's
 * {@code user} and {@code password} are the application's credentials. Properties win over URL parameters, so
 * passwords need not sit in the URL. Other parameters go to Connector/J; a name that looks like a mistyped setting
 * is refused.
 * <p>
 * Connections of the same URL and properties (credentials included) come from one {@link UnderstudyDataSource}
 * (one health monitor, one pool per node) for the JVM, started at the first {@link #connect}; a different URL gets
 * its own. Each connection routes as the DataSource's do: a write to the master, a connection set
 * {@linkplain Connection#setReadOnly(boolean) read-only} before its statement to a replica. {@link #closeAll()}
 * closes the instances; a shutdown hook does it when the JVM exits.
 * <p>
 * Registered through {@code META-INF/services/java.sql.Driver}. A bad URL fails with
 * {@link InvalidJdbcUrlException}, naming the parameter, the rule and the value; passwords never appear in
 * messages, logs or {@code toString()}.
 */
public final class UnderstudyDriver implements Driver {

    private static final DriverInstances INSTANCES = new DriverInstances();

    static {
        try {
            DriverManager.registerDriver(new UnderstudyDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Creates the driver; every instance shares the JVM's Understudy instances. */
    public UnderstudyDriver() {
        // nothing to set up: the instances are per JVM
    }

    /**
     * A connection from the Understudy instance of this URL and these properties, started now if there is none.
     *
     * @param url  a {@code jdbc:understudy:} URL
     * @param info properties: settings by key, JDBC's {@code user} and {@code password}, Connector/J's
     * @return a lazy routing connection; null when the URL is not this driver's
     * @throws SQLException {@link InvalidJdbcUrlException} for a bad URL or setting; SQLState 08001 when the
     *                      instance cannot start (no master reachable, wrong credentials), with the cause
     */
    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        return acceptsURL(url) ? INSTANCES.connect(url, info) : null;
    }

    /** {@return whether the URL starts with {@code jdbc:understudy:}; a malformed one fails at connect, saying why} */
    @Override
    public boolean acceptsURL(String url) {
        return JdbcUrl.accepts(url);
    }

    /**
     * Lists every {@link Setting}, by key, with its description, choices and value (from the URL or the properties,
     * else the default; never a password's). Connector/J's own properties are not listed.
     */
    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return SettingsInfo.of(url, info);
    }

    @Override
    public int getMajorVersion() {
        return 0;
    }

    @Override
    public int getMinorVersion() {
        return 1;
    }

    /** {@return false: the driver routes, and leaves JDBC compliance to Connector/J} */
    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("Understudy logs through SLF4J");
    }

    /**
     * The Understudy instance behind a URL, e.g. for its {@link UnderstudyDataSource#topology() topology} or a
     * {@link UnderstudyDataSource#switchover(String) switchover}; started now if there is none. Close it with
     * {@link #close(String, Properties)}, not directly (a closed one is started again at the next connection).
     *
     * @param url  the URL, as connections are made with it
     * @param info the same properties
     * @return the shared instance
     * @throws SQLException as {@link #connect} does
     */
    public static UnderstudyDataSource dataSource(String url, Properties info) throws SQLException {
        if (!JdbcUrl.accepts(url)) {
            throw new InvalidJdbcUrlException("url must start with " + JdbcUrl.PREFIX + ", but was '"
                    + JdbcUrl.redacted(url) + "'", "url", "starting with " + JdbcUrl.PREFIX, JdbcUrl.redacted(url),
                    null);
        }
        return INSTANCES.dataSource(url, info);
    }

    /**
     * Closes the instance of a URL and its properties, if there is one: its connections fail at their next use, and
     * the next connection starts a new instance.
     *
     * @return whether there was one
     */
    public static boolean close(String url, Properties info) {
        return INSTANCES.close(url, info);
    }

    /** Closes every instance of the driver; also done by a shutdown hook when the JVM exits. */
    public static void closeAll() {
        INSTANCES.closeAll();
    }

    @Override
    public String toString() {
        return "UnderstudyDriver " + getMajorVersion() + "." + getMinorVersion();
    }
}
