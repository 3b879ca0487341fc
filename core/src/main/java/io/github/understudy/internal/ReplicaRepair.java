package io.github.understudy.internal;

import io.github.understudy.HostAndPort;
import io.github.understudy.NodeState;
import io.github.understudy.NodeStatus;
import io.github.understudy.Role;
import io.github.understudy.TopologySnapshot;
import io.github.understudy.event.ReplicasRepointed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repoints, later, a replica a failover could not repoint (it was unreachable or timed out then): one that still
 * replicates from a source that is gone (down, fenced, or no node at all), if it has nothing the master lacks.
 * Replicas of a live source (a chain someone built) are left alone.
 */
final class ReplicaRepair {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaRepair.class);
    private static final Duration EVERY = Duration.ofSeconds(5);

    private final String name;
    private final Duration check;
    private final HealthMonitor monitor;
    private final ConnectionFactory connections;
    private final EventPublisher events;
    private final Clock clock;
    private final Map<HostAndPort, Instant> lastTry = new ConcurrentHashMap<>();

    ReplicaRepair(String name, Duration check, HealthMonitor monitor, ConnectionFactory connections,
                  EventPublisher events, Clock clock) {
        this.name = name;
        this.check = check;
        this.monitor = monitor;
        this.connections = connections;
        this.events = events;
        this.clock = clock;
    }

    void run(Dialect dialect) {
        HostAndPort master = monitor.followed();
        TopologySnapshot snapshot = monitor.table().snapshot();
        NodeStatus current = master == null ? null : snapshot.node(master).orElse(null);
        if (current == null || current.state() != NodeState.UP) {
            return;
        }
        for (NodeStatus node : snapshot.nodes()) {
            if (node.role() == Role.REPLICA && node.state() == NodeState.LAGGING && due(node.address())) {
                try (ClusterLock lock = ClusterLock.acquire(java.util.List.of(node.address()), connections)) {
                    if (lock != null) {
                        repair(node.address(), current, snapshot, dialect);
                    }
                } catch (SQLException e) {
                    LOG.debug("{} - cannot check {} for repair: {}", name, node.address(), e.getMessage());
                }
            }
        }
    }

    private boolean due(HostAndPort node) {
        Instant now = clock.instant();
        Instant last = lastTry.get(node);
        if (last != null && Duration.between(last, now).compareTo(EVERY) < 0) {
            return false;
        }
        lastTry.put(node, now);
        return true;
    }

    private void repair(HostAndPort node, NodeStatus master, TopologySnapshot snapshot, Dialect dialect)
            throws SQLException {
        String executed;
        try (Connection connection = connections.admin(node);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(dialect.replicaStatus())) {
            if (!rs.next() || !sourceGone(rs.getLong(dialect.column("Master_Server_Id")), master, snapshot)) {
                return;
            }
            executed = MostAdvancedReplica.executed(dialect, connection);
        }
        ReplicationAddress address;
        try (Connection connection = connections.admin(master.address())) {
            String errant = errant(connection, executed, dialect);
            if (!errant.isEmpty()) {
                LOG.warn("{} - {} replicates from a source that is gone but has transactions the master lacks ({}): "
                        + "left alone", name, node, errant);
                return;
            }
            address = ReplicationAddress.of(connection, master.address());
        }
        long started = System.nanoTime();
        String result = Repointer.repointOne(node, address, dialect, connections, check);
        monitor.probeNow(monitorNode(node));
        LOG.warn("{} - repointed {} to {} after a failed repoint: {}", name, node, master.address(), result);
        events.publish(new ReplicasRepointed(name, clock.instant(), master.address(), Map.of(node, result),
                Duration.ofNanos(System.nanoTime() - started)));
    }

    private static boolean sourceGone(long sourceServerId, NodeStatus master, TopologySnapshot snapshot) {
        if (sourceServerId == master.serverId()) {
            return false;
        }
        return snapshot.nodes().stream().filter(n -> n.serverId() == sourceServerId)
                .noneMatch(n -> n.state() == NodeState.UP && n.role() != Role.UNKNOWN);
    }

    private static String errant(Connection master, String executed, Dialect dialect) throws SQLException {
        if (dialect.mariadb()) {
            try (Statement statement = master.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT @@global.gtid_current_pos")) {
                rs.next();
                return Gtids.mariadbBeyond(executed, rs.getString(1));
            }
        }
        try (PreparedStatement statement = master.prepareStatement("SELECT GTID_SUBTRACT(?, @@global.gtid_executed)")) {
            statement.setString(1, executed);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getString(1) == null ? "" : rs.getString(1).replace("\n", "");
            }
        }
    }

    private Node monitorNode(HostAndPort address) {
        return monitor.nodes().stream().filter(n -> n.address().equals(address)).findFirst().orElseThrow();
    }
}
