package io.github.understudy.internal;

import io.github.understudy.FailoverSettings;
import io.github.understudy.HostAndPort;
import io.github.understudy.event.NodeFenced;
import io.github.understudy.event.NodeRejoined;
import io.github.understudy.event.RejoinRefused;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deals with a writable node that is not the master of the highest epoch (an old master back from the dead):
 * makes it read-only and kills its application sessions before anything could be routed to it, then, when the
 * replication credentials are configured and it has no transaction the master lacks, makes it a replica.
 */
final class Fencer {

    private static final Logger LOG = LoggerFactory.getLogger(Fencer.class);

    private final String name;
    private final String applicationUser;
    private final FailoverSettings settings;
    private final ConnectionFactory connections;
    private final HealthMonitor monitor;
    private final EventPublisher events;
    private final Clock clock;

    Fencer(String name, String applicationUser, FailoverSettings settings, ConnectionFactory connections,
           HealthMonitor monitor, EventPublisher events, Clock clock) {
        this.name = name;
        this.applicationUser = applicationUser;
        this.settings = settings;
        this.connections = connections;
        this.monitor = monitor;
        this.events = events;
        this.clock = clock;
    }

    /** Fences {@code node}, then tries to rejoin it under {@code master}. */
    void fenceAndRejoin(HostAndPort node, HostAndPort master, Dialect dialect, String why) throws SQLException {
        // Setting read_only waits for commits in flight; killing their sessions first is what ends them.
        try (Connection connection = connections.admin(node, java.time.Duration.ofSeconds(30))) {
            fence(connection, dialect);
            monitor.fence(node, true);
            // Its pooled connections were killed with the application's sessions: replace them, lazily.
            monitor.nodes().stream().filter(n -> n.address().equals(node)).findFirst()
                    .map(Node::pool).filter(pool -> pool != null && pool.getHikariPoolMXBean() != null)
                    .ifPresent(pool -> pool.getHikariPoolMXBean().softEvictConnections());
            LOG.warn("{} - fenced {}: {}", name, node, why);
            events.publish(new NodeFenced(name, clock.instant(), node, why));
            rejoin(node, connection, master, dialect);
        }
    }

    /**
     * Ends the application's sessions on the node, makes it read-only, and ends any session that slipped in
     * between. Sessions go first: {@code SET GLOBAL read_only} waits for commits in flight, and a commit waiting
     * for a semi-sync acknowledgement that will never come (its replicas follow the new master) would hold it
     * forever; killed (in the order {@link ApplicationSessions} explains), it is not acknowledged to its client.
     * Semi-sync stays on: switching it off releases every commit still waiting for an acknowledgement, and the
     * chaos run saw such a commit answered as a success to an application (commits no replica has); it goes off
     * only when the node rejoins as a replica.
     */
    void fence(Connection connection, Dialect dialect) throws SQLException {
        ApplicationSessions.end(connection, applicationUser, name);
        MostAdvancedReplica.execute(connection, dialect.makeReadOnly().toArray(String[]::new));
        ApplicationSessions.end(connection, applicationUser, name);
    }

    private void rejoin(HostAndPort node, Connection old, HostAndPort master, Dialect dialect) throws SQLException {
        if (settings.replicationUser() == null) {
            refuse(node, "failover.replicationCredentials are not configured, so it stays fenced", "");
            return;
        }
        String oldGtids = MostAdvancedReplica.executed(dialect, old);
        try (Connection current = connections.admin(master)) {
            String errant = errant(current, oldGtids, dialect);
            if (!errant.isEmpty()) {
                refuse(node, "it has transactions the master " + master + " lacks: rebuild it from a replica", errant);
                return;
            }
            ReplicationAddress address = ReplicationAddress.of(current, master);
            // As a replica its applier's commits must not wait for acknowledgements; it has nothing waiting that
            // the master lacks (checked above).
            SemiSync.demoted(old);
            List<String> statements = new ArrayList<>();
            if (dialect.mariadb()) {
                // An ex-master's slave position is empty: start from what it has.
                statements.add("SET GLOBAL gtid_slave_pos = @@gtid_binlog_pos");
            }
            statements.add(dialect.changeSource(address.host(), address.port(), settings.replicationUser(),
                    settings.replicationPassword()));
            statements.add(dialect.startReplica());
            MostAdvancedReplica.execute(old, statements.toArray(String[]::new));
        }
        String result = Repointer.awaitReplicating(old, dialect, settings.repointCheck());
        if (!"replicating".equals(result)) {
            refuse(node, "it does not replicate from " + master + ": " + result, "");
            return;
        }
        monitor.fence(node, false);
        LOG.info("{} - {} rejoined as a replica of {}", name, node, master);
        events.publish(new NodeRejoined(name, clock.instant(), node, master));
    }

    /** What {@code oldGtids} holds that the master never had. */
    private static String errant(Connection master, String oldGtids, Dialect dialect) throws SQLException {
        if (!dialect.mariadb()) {
            try (PreparedStatement statement = master.prepareStatement("SELECT GTID_SUBTRACT(?, @@global.gtid_executed)")) {
                statement.setString(1, oldGtids);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getString(1) == null ? "" : rs.getString(1).replace("\n", "");
                }
            }
        }
        // MariaDB has no GTID arithmetic: anything beyond what the new master had applied when it was promoted
        // was never replicated to it (strict mode keeps sequence numbers ordered).
        EpochStore.Epoch epoch = EpochStore.read(master);
        if (epoch.promotionGtid().isEmpty()) {
            return "unknown (no promotion record in understudy.epoch)";
        }
        return Gtids.mariadbBeyond(oldGtids, epoch.promotionGtid());
    }

    private void refuse(HostAndPort node, String reason, String errant) {
        LOG.warn("{} - {} not rejoined: {}{}", name, node, reason, errant.isEmpty() ? "" : " (errant: " + errant + ")");
        events.publish(new RejoinRefused(name, clock.instant(), node, reason, errant));
    }
}
