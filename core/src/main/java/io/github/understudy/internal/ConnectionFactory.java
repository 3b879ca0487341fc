package io.github.understudy.internal;

import io.github.understudy.Consistency;
import io.github.understudy.HostAndPort;
import io.github.understudy.PoolSettings;
import io.github.understudy.UnderstudyConfig;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/**
 * Makes the two kinds of connection Understudy opens: pooled application connections (HikariCP, one pool per
 * node, application credentials) and the monitor's own admin connections (admin credentials, probe timeouts).
 */
final class ConnectionFactory {

    private final UnderstudyConfig config;
    private final java.util.concurrent.ScheduledExecutorService housekeeper;

    /**
     * @param housekeeper the one thread every pool of the DataSource does its housekeeping on (HikariCP starts one
     *                    per pool otherwise); its owner shuts it down once the pools are closed
     */
    public ConnectionFactory(UnderstudyConfig config, java.util.concurrent.ScheduledExecutorService housekeeper) {
        this.config = config;
        this.housekeeper = housekeeper;
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
    public Connection admin(HostAndPort address, Duration socketTimeout) throws SQLException {
        Properties properties = baseProperties();
        properties.setProperty("user", config.adminUsername());
        properties.setProperty("password", config.adminPassword());
        properties.setProperty("connectTimeout", Integer.toString(Check.driverMillis(config.probeTimeout())));
        // connectTimeout does not bound the handshake of a hung server: the socket timeout does.
        properties.setProperty("socketTimeout", Integer.toString(Check.driverMillis(socketTimeout)));
        return DriverConnections.connect(url(address, null), properties);
    }

    /** The HikariCP pool of application connections to one node, named {@code <name>-<address><suffix>}. */
    public HikariDataSource pool(HostAndPort address, PoolSettings settings, boolean readOnly,
                                 SQLExceptionOverride failures, boolean mariadb, String suffix) {
        HikariConfig hikari = new HikariConfig();
        hikari.setScheduledExecutor(housekeeper);
        hikari.setPoolName(config.name() + "-" + address + suffix);
        String url = url(address, config.database().orElse(null));
        DriverConnections connections = new DriverConnections(url, applicationProperties(mariadb));
        hikari.setDataSource(connections);
        // Only shown in HikariCP's logs (it holds no secret), and it tells HikariCP that the driver is MySQL's.
        hikari.setJdbcUrl(url);
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
        return new HikariDataSource(hikari) {
            @Override
            public void close() {
                super.close();
                connections.close(); // what HikariCP's shutdown dropped without closing (see DriverConnections)
            }
        };
    }

    private Properties applicationProperties(boolean mariadb) {
        Properties properties = baseProperties();
        properties.setProperty("user", config.username());
        properties.setProperty("password", config.password());
        properties.setProperty("connectTimeout", Integer.toString(Check.driverMillis(config.connectTimeout())));
        properties.setProperty("socketTimeout", Integer.toString(Check.driverMillis(config.socketTimeout())));
        // Each write's GTID can come back in its OK packet, for read-your-writes. A DataSource that reads its writes
        // everywhere asks for it at connect; otherwise a connection asks when a session that needs it borrows it
        // (WriteTracker): parsing the GTID of every write costs every write.
        properties.setProperty("trackSessionState", "true");
        if (config.consistency() == Consistency.READ_YOUR_WRITES) {
            String variables = WriteTracker.sessionVariables(mariadb);
            String own = config.driverProperties().get("sessionVariables");
            properties.setProperty("sessionVariables", own == null || own.isBlank() ? variables
                    : own + "," + variables);
        }
        return properties;
    }

    private Properties baseProperties() {
        Properties properties = new Properties();
        properties.putAll(config.driverProperties());
        // Session state (autocommit, read-only, isolation, schema) is tracked client-side and sent only on change.
        properties.putIfAbsent("useLocalSessionState", "true");
        properties.putIfAbsent("useLocalTransactionState", "true");
        return properties;
    }

    /**
     * The Connector/J URL of a node, with the database percent-encoded: Connector/J decodes the URL's path, and a
     * name holding {@code ?}, {@code #}, {@code %} or {@code +} must not end up as driver properties or as
     * another database's name.
     */
    static String url(HostAndPort address, String database) {
        String host = address.host().contains(":") ? "[" + address.host().replace("%", "%25") + "]"
                : address.host();
        String path = database == null ? "" : URLEncoder.encode(database, StandardCharsets.UTF_8);
        return "jdbc:mysql://" + host + ":" + address.port() + "/" + path;
    }
}
