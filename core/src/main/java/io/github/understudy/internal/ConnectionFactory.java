package io.github.understudy.internal;

import io.github.understudy.HostAndPort;
import io.github.understudy.PoolSettings;
import io.github.understudy.UnderstudyConfig;

import com.mysql.cj.jdbc.NonRegisteringDriver;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Makes the two kinds of connection Understudy opens: pooled application connections (HikariCP, one pool per
 * node, application credentials) and the monitor's own admin connections (admin credentials, probe timeouts).
 */
public final class ConnectionFactory {

    private static final NonRegisteringDriver DRIVER = newDriver();

    private final UnderstudyConfig config;

    public ConnectionFactory(UnderstudyConfig config) {
        this.config = config;
    }

    private static NonRegisteringDriver newDriver() {
        try {
            return new NonRegisteringDriver();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot load Connector/J", e);
        }
    }

    /** {@return how long an admin connection may take to connect, and each read of a probe} */
    public java.time.Duration probeTimeout() {
        return config.probeTimeout();
    }

    /** A new admin connection to {@code address}, bounded by the probe timeout for connect and for every read. */
    public Connection admin(HostAndPort address) throws SQLException {
        return admin(address, config.probeTimeout());
    }

    /** A new admin connection whose reads may take up to {@code socketTimeout} (waits during a promotion). */
    public Connection admin(HostAndPort address, java.time.Duration socketTimeout) throws SQLException {
        Properties properties = baseProperties();
        properties.setProperty("user", config.adminUsername());
        properties.setProperty("password", config.adminPassword());
        properties.setProperty("connectTimeout", Long.toString(config.probeTimeout().toMillis()));
        // connectTimeout does not bound the handshake of a hung server: the socket timeout does.
        properties.setProperty("socketTimeout", Long.toString(socketTimeout.toMillis()));
        Connection connection = DRIVER.connect(url(address, ""), properties);
        if (connection == null) {
            throw new SQLException("Connector/J did not accept " + url(address, ""), "08001");
        }
        return connection;
    }

    /** The HikariCP pool of application connections to one node, named {@code <name>-<address><suffix>}. */
    public HikariDataSource pool(HostAndPort address, PoolSettings settings, boolean readOnly,
                                 SQLExceptionOverride failures, boolean mariadb, String suffix) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName(config.name() + "-" + address + suffix);
        hikari.setJdbcUrl(url(address, config.database().orElse("")));
        hikari.setDriverClassName("com.mysql.cj.jdbc.Driver");
        hikari.setUsername(config.username());
        hikari.setPassword(config.password());
        Properties properties = baseProperties();
        properties.setProperty("connectTimeout", Long.toString(config.connectTimeout().toMillis()));
        properties.setProperty("socketTimeout", Long.toString(config.socketTimeout().toMillis()));
        // Each write's GTID comes back in its OK packet, for read-your-writes: set once per connection.
        properties.setProperty("trackSessionState", "true");
        String variables = WriteTracker.sessionVariables(mariadb);
        String own = config.driverProperties().get("sessionVariables");
        properties.setProperty("sessionVariables", own == null || own.isBlank() ? variables : own + "," + variables);
        hikari.setDataSourceProperties(properties);
        hikari.setMaximumPoolSize(settings.maximumPoolSize());
        hikari.setMinimumIdle(settings.minimumIdle());
        hikari.setConnectionTimeout(settings.connectionTimeout().toMillis());
        hikari.setIdleTimeout(settings.idleTimeout().toMillis());
        hikari.setMaxLifetime(settings.maxLifetime().toMillis());
        // Replica connections are read-only from birth, so a read-only borrow sends no SET statement.
        hikari.setReadOnly(readOnly);
        // A node that is down at start must not stop the DataSource from starting: the pool fills when it's back.
        hikari.setInitializationFailTimeout(-1);
        // Every SQLException on a pooled connection passes here: how the request path reports a broken node.
        hikari.setExceptionOverride(failures);
        if (config.metrics().poolMetrics() != null) {
            hikari.setMetricsTrackerFactory(config.metrics().poolMetrics());
        }
        return new HikariDataSource(hikari);
    }

    private Properties baseProperties() {
        Properties properties = new Properties();
        properties.putAll(config.driverProperties());
        // Session state (autocommit, read-only, isolation, schema) is tracked client-side and sent only on change.
        properties.putIfAbsent("useLocalSessionState", "true");
        properties.putIfAbsent("useLocalTransactionState", "true");
        return properties;
    }

    private static String url(HostAndPort address, String database) {
        String host = address.host().contains(":") ? "[" + address.host() + "]" : address.host();
        return "jdbc:mysql://" + host + ":" + address.port() + "/" + database;
    }
}
