package io.github.understudy.internal;

import io.github.understudy.HostAndPort;
import io.github.understudy.TopologySnapshot;
import io.github.understudy.UnderstudyConfig;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Everything one DataSource runs, behind its public facade: the nodes and their pools, the health monitor, the
 * router, failover and switchover. Built and started as one, closed as one.
 */
public final class Cluster implements AutoCloseable {

    private final UnderstudyConfig config;
    private final ScheduledExecutorService scheduler;
    private final ScheduledExecutorService housekeeper;
    private final List<Node> nodes;
    private final HealthMonitor monitor;
    private final Router router;
    private final Switchover switchover;
    private final ConnectionSettings connectionSettings;

    /**
     * Discovers the nodes, opens their pools and starts monitoring.
     *
     * @throws io.github.understudy.StartupFailedException when the cluster cannot be used as configured (see {@link Nodes#start})
     */
    public Cluster(UnderstudyConfig config) {
        this.config = config;
        this.scheduler = Nodes.scheduler(config.name(), config.hosts().size());
        this.housekeeper = Nodes.housekeeper(config.name());
        ConnectionFactory connections = new ConnectionFactory(config, housekeeper);
        this.nodes = Nodes.create(config, connections);
        EventPublisher events = new EventPublisher(config.name(), config.listeners());
        this.monitor = new HealthMonitor(config.name(), nodes, config.probeInterval(), config.healthyProbeInterval(),
                scheduler, config.clock(),
                events);
        Services services = new Services(config.name(), config.username(), config.failover(), monitor, connections,
                events, config.clock());
        FailoverCoordinator coordinator = new FailoverCoordinator(services, config.probeInterval());
        try {
            Nodes.start(config, nodes, monitor, connections, scheduler, coordinator);
            DistinctServers.check(monitor.snapshot());
        } catch (RuntimeException e) {
            close();
            throw DistinctServers.rootCause(monitor.snapshot(), e);
        }
        this.switchover = new Switchover(services, coordinator, config.masterWaitTimeout());
        this.router = new Router(config.name(), monitor, config.readStrategy(), config.readFallbackToMaster(),
                config.masterWaitTimeout(), config.metrics());
        this.connectionSettings = ConnectionSettings.of(config);
    }

    /** {@return a new lazy connection} */
    public Connection connection() {
        return new RoutingConnection(router, connectionSettings);
    }

    public TopologySnapshot topology() {
        return monitor.snapshot();
    }

    public Optional<HostAndPort> writeTarget() {
        return monitor.writeTarget();
    }

    public String writeProblem() {
        return monitor.writeProblem();
    }

    public void evict(HostAndPort node, String reason) {
        monitor.evict(node, reason);
    }

    public void readmit(HostAndPort node) {
        monitor.readmit(node);
    }

    public void switchover(HostAndPort target) throws SQLException {
        switchover.run(target);
    }

    /** Stops every thread and closes every pool. */
    @Override
    public void close() {
        Nodes.stop(scheduler, nodes, config.probeTimeout());
        housekeeper.shutdownNow(); // after the pools: their close cancels their housekeeping
    }
}
