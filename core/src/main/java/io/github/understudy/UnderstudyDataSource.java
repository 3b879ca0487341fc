package io.github.understudy;

import io.github.understudy.internal.Cluster;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

import org.slf4j.LoggerFactory;

/**
 * A {@link DataSource} over a MySQL or MariaDB replication cluster: writes go to the master, reads (connections
 * set {@linkplain Connection#setReadOnly(boolean) read-only} before their first statement) are balanced over the
 * healthy replicas, and failed or lagging replicas are taken out of rotation and brought back when healthy.
 * <p>
 * {@link #getConnection()} returns a lazy connection: it picks a server at its first statement. A transaction
 * stays on one server. The request path never waits for the health monitor: it reads the last topology the
 * monitor published.
 * <p>
 * Starting probes every host; by default it fails when no master is reachable (see
 * {@link UnderstudyConfig.Builder#startDegraded(boolean)}). Close it to stop its threads and pools.
 */
public final class UnderstudyDataSource implements DataSource, AutoCloseable {

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(UnderstudyDataSource.class);

    private final UnderstudyConfig config;
    private final Cluster cluster;
    private volatile boolean closed;
    private PrintWriter logWriter;

    /**
     * Starts a DataSource: probes every host, opens one pool per node, starts the health monitor.
     *
     * @param config the settings
     * @throws StartupFailedException when no master is reachable (unless starting degraded is allowed), when the
     *                                 servers contradict the configured master or the epoch record; its
     *                                 {@link StartupFailedException#reason() reason} says which
     * @throws InvalidSettingException naming {@code hosts} when two of them are one server (the same
     *                                 {@code server_id})
     */
    public UnderstudyDataSource(UnderstudyConfig config) {
        this.config = config;
        this.cluster = new Cluster(config);
        LOG.info("{} - started: {}", config.name(), cluster.topology().describe());
    }

    /**
     * A connection that picks its server at its first statement: a replica when it was set read-only before, the
     * master otherwise.
     *
     * @return a new logical connection; close it
     * @throws SQLException when this DataSource is closed
     */
    @Override
    public Connection getConnection() throws SQLException {
        if (closed) {
            throw new SQLException(config.name() + " - the DataSource is closed", "08003");
        }
        return cluster.connection();
    }

    /**
     * Not supported: the credentials are part of the configuration.
     *
     * @throws SQLFeatureNotSupportedException always
     */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException(config.name()
                + " - credentials come from UnderstudyConfig (username/password), not from getConnection(user, password)");
    }

    /** @return the topology as the monitor last saw it */
    public TopologySnapshot topology() {
        return cluster.topology();
    }

    /**
     * @return where writes go now: the master of the highest epoch when it is usable, else empty (writes wait up
     *         to {@code masterWaitTimeout}, then fail)
     */
    public java.util.Optional<HostAndPort> writeTarget() {
        return cluster.writeTarget();
    }

    /**
     * @return why writes have nowhere to go now (e.g. {@code "no reachable writable master"}), or {@code ""} when
     *         {@link #writeTarget()} has a node
     */
    public String writeProblem() {
        return cluster.writeProblem();
    }

    /** @return this DataSource's name, as in its logs */
    public String name() {
        return config.name();
    }

    /**
     * Takes a node out of rotation until {@link #readmit(String)}, whatever its probes say.
     *
     * @param hostAndPort the node, as configured ({@code host:port})
     */
    public void evict(String hostAndPort) {
        cluster.evict(HostAndPort.parse(hostAndPort), "by operator");
    }

    /**
     * Lets the probes decide about a node again after {@link #evict(String)}.
     *
     * @param hostAndPort the node, as configured ({@code host:port})
     */
    public void readmit(String hostAndPort) {
        cluster.readmit(HostAndPort.parse(hostAndPort));
    }

    /**
     * A planned change of master: new writes are held (up to {@code masterWaitTimeout}), writes in flight finish,
     * the master is made read-only, {@code target} applies everything and is promoted, the writes are released to
     * it, then the old master and the other replicas replicate from it. Needs a promotion strategy that changes
     * servers and {@link FailoverSettings.Builder#replicationCredentials replication credentials}.
     *
     * @param target the replica to promote ({@code host:port}, as configured)
     * @throws SQLException when the target could not catch up (the old master is then writable again)
     */
    public void switchover(String target) throws SQLException {
        cluster.switchover(HostAndPort.parse(target));
    }

    /** Stops the monitor's threads and closes every pool. Connections still open fail at their next use. */
    @Override
    public void close() {
        closed = true;
        cluster.close();
        LOG.info("{} - closed", config.name());
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    /** Not used: connect and socket timeouts come from the configuration. */
    @Override
    public void setLoginTimeout(int seconds) {
        // timeouts are configured in UnderstudyConfig
    }

    @Override
    public int getLoginTimeout() {
        return (int) config.connectTimeout().toSeconds();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("Understudy logs through SLF4J");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException(config.name() + " - not a wrapper for " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }

    @Override
    public String toString() {
        return "UnderstudyDataSource[" + config.name() + "]";
    }
}
