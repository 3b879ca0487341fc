package io.github.understudy.internal;

import io.github.understudy.FailoverSettings;
import io.github.understudy.HostAndPort;

import java.time.Clock;

/**
 * What the failover parts share: the DataSource's name, settings, monitor, connections, events and clock. One
 * small object instead of long positional parameter lists.
 *
 * @param name            the DataSource's name, for logs and events
 * @param applicationUser the application's user, whose sessions fencing ends
 * @param settings        the failover settings
 * @param monitor         the health monitor: the topology, the followed master, the nodes
 * @param connections     admin connections
 * @param events          where events go
 * @param clock           the time
 */
record Services(String name, String applicationUser, FailoverSettings settings, HealthMonitor monitor,
                ConnectionFactory connections, EventPublisher events, Clock clock) {

    /** An admin session to {@code node} bounded by the probe timeout. */
    ServerSession session(HostAndPort node) throws java.sql.SQLException {
        return ServerSession.open(connections, node);
    }

    /** An admin session whose reads may wait up to {@code socketTimeout} (a promotion's waits). */
    ServerSession session(HostAndPort node, java.time.Duration socketTimeout) throws java.sql.SQLException {
        return ServerSession.open(connections, node, socketTimeout);
    }

    /** {@return the servers' dialect, as the first probe that answered saw it; null before any did} */
    Dialect dialect() {
        return monitor.nodes().stream().map(node -> node.probe().dialect()).filter(d -> d != null).findFirst()
                .orElse(null);
    }

    /**
     * {@return the shortest heartbeat period the replicas asked their source for, as the probes last saw it (MariaDB
     * at every probe, MySQL at a diagnosis); null when none said: what an old master rejoining gets}
     */
    java.time.Duration heartbeatPeriod() {
        return monitor.nodes().stream().map(node -> node.probe().last()).filter(java.util.Objects::nonNull)
                .map(ServerState::heartbeatPeriod).filter(java.util.Objects::nonNull)
                .filter(period -> !period.isZero()).min(java.util.Comparator.naturalOrder()).orElse(null);
    }

    /** {@return the monitor's node at {@code address}} */
    Node node(HostAndPort address) {
        return monitor.nodes().stream().filter(n -> n.address().equals(address)).findFirst().orElseThrow();
    }
}
