package io.github.understudy.internal;

import io.github.understudy.FailoverSettings;
import io.github.understudy.HostAndPort;
import io.github.understudy.NodeState;
import io.github.understudy.NodeStatus;
import io.github.understudy.Role;
import io.github.understudy.event.MasterPromoted;
import io.github.understudy.event.NodeRejoined;
import io.github.understudy.event.ReplicasRepointed;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A planned change of master: hold new writes, let the ones in flight finish, make the old master read-only,
 * let the target apply everything, promote it, release the writes to it, then make the old master and the other
 * replicas replicate from it.
 */
public final class Switchover {

    private static final Logger LOG = LoggerFactory.getLogger(Switchover.class);

    private final String name;
    private final String applicationUser;
    private final FailoverSettings settings;
    private final FailoverCoordinator coordinator;
    private final HealthMonitor monitor;
    private final ConnectionFactory connections;
    private final EventPublisher events;
    private final Clock clock;
    private final Duration hold;

    public Switchover(String name, String applicationUser, FailoverSettings settings, FailoverCoordinator coordinator,
                      HealthMonitor monitor, ConnectionFactory connections, EventPublisher events, Clock clock,
                      Duration hold) {
        this.name = name;
        this.applicationUser = applicationUser;
        this.settings = settings;
        this.coordinator = coordinator;
        this.monitor = monitor;
        this.connections = connections;
        this.events = events;
        this.clock = clock;
        this.hold = hold;
    }

    public void run(HostAndPort target) throws SQLException {
        if (!settings.strategy().changesServers() || settings.replicationUser() == null) {
            throw new IllegalStateException(name + " - switchover needs a promotion strategy that changes servers "
                    + "and failover.replicationCredentials (the old master becomes a replica)");
        }
        coordinator.busy().lock();
        try {
            HostAndPort master = monitor.followed();
            NodeStatus targetStatus = monitor.table().snapshot().node(target).orElseThrow(() ->
                    new IllegalArgumentException("target must be one of the hosts, but was " + target));
            if (master == null || target.equals(master) || targetStatus.role() != Role.REPLICA
                    || targetStatus.state() != NodeState.UP) {
                throw new IllegalStateException(name + " - switchover target must be a healthy replica, but "
                        + target + " is " + targetStatus.role() + " " + targetStatus.state() + " (master " + master + ")");
            }
            List<HostAndPort> nodes = monitor.table().snapshot().nodes().stream()
                    .filter(s -> s.state() == NodeState.UP).map(NodeStatus::address).collect(Collectors.toList());
            try (ClusterLock lock = ClusterLock.acquire(nodes, connections)) {
                if (lock == null) {
                    throw new IllegalStateException(name + " - another application instance holds the failover lock");
                }
                switchTo(master, target);
            }
        } finally {
            coordinator.busy().unlock();
        }
    }

    private void switchTo(HostAndPort master, HostAndPort target) throws SQLException {
        Dialect dialect = coordinator.dialect();
        Instant started = clock.instant();
        monitor.hold("switchover from " + master + " to " + target + " in progress");
        try (Connection old = connections.admin(master, settings.relayLogWait().plusSeconds(5));
             Connection promoted = connections.admin(target, settings.relayLogWait().plusSeconds(5))) {
            drain(coordinator.node(master));
            new Fencer(name, applicationUser, settings, connections, monitor, events, clock).fence(old, dialect);
            String position = MostAdvancedReplica.executed(dialect, old);
            if (!applied(promoted, dialect, position)) {
                MostAdvancedReplica.execute(old, dialect.makeWritable().toArray(String[]::new));
                String why = "switchover to " + target + " aborted: it did not apply " + position + " within "
                        + settings.relayLogWait() + " (failover.relayLogWait); " + master + " is writable again";
                LOG.warn("{} - {}", name, why);
                events.publish(new io.github.understudy.event.FailoverFailed(name, clock.instant(), master, why));
                throw new SQLException(name + " - " + why, "08001");
            }
            MostAdvancedReplica.execute(promoted, dialect.stopReplica(), dialect.resetReplicaAll());
            MostAdvancedReplica.execute(promoted, dialect.makeWritable().toArray(String[]::new));
            boolean semiSync = coordinator.node(master).probe().semiSyncMaster() && SemiSync.available(promoted);
            long epoch = Math.max(monitor.epoch(), EpochStore.read(promoted).number()) + 1;
            EpochStore.write(promoted, epoch, target, MostAdvancedReplica.executed(dialect, promoted),
                    name + "@" + ProcessHandle.current().pid() + " (switchover)");
            ReplicationAddress address = ReplicationAddress.of(promoted, target);
            Map<HostAndPort, String> repointed = null;
            long repointStarted = System.nanoTime();
            if (semiSync) {
                // Writes stay held until replicas can acknowledge them (see FailoverCoordinator).
                repointed = demote(old, master, target, address, dialect);
                SemiSync.enable(promoted);
            }
            coordinator.recordFailover(clock.instant());
            events.publish(new MasterPromoted(name, clock.instant(), master, target, epoch, List.of(), Duration.ZERO,
                    Duration.between(started, clock.instant()), true));
            monitor.follow(target, epoch);
            monitor.hold("");
            monitor.probeNow(coordinator.node(target));
            LOG.warn("{} - switched over from {} to {} (epoch {})", name, master, target, epoch);
            if (repointed == null) {
                repointed = demote(old, master, target, address, dialect);
            }
            events.publish(new ReplicasRepointed(name, clock.instant(), target, repointed,
                    Duration.ofNanos(System.nanoTime() - repointStarted)));
            if ("replicating".equals(repointed.get(master))) {
                events.publish(new NodeRejoined(name, clock.instant(), master, target));
            }
        } finally {
            monitor.hold("");
        }
    }

    /** Lets writes already on a connection of the old master finish, up to half the hold. */
    private void drain(Node master) {
        long deadline = System.nanoTime() + hold.toNanos() / 2;
        while (master.inFlight() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    private boolean applied(Connection target, Dialect dialect, String position) throws SQLException {
        try (java.sql.Statement statement = target.createStatement();
             java.sql.ResultSet rs = statement.executeQuery(dialect.waitForApplied(position, settings.relayLogWait()))) {
            return rs.next() && rs.getInt(1) == 0;
        }
    }

    /** Repoints the other replicas and makes the old master replicate from the target; the result per node. */
    private Map<HostAndPort, String> demote(Connection old, HostAndPort master, HostAndPort target,
                                            ReplicationAddress address, Dialect dialect) throws SQLException {
        List<HostAndPort> others = monitor.table().snapshot().nodes().stream()
                .filter(s -> s.role() == Role.REPLICA && s.state() == NodeState.UP && !s.address().equals(target))
                .map(NodeStatus::address).collect(Collectors.toList());
        Map<HostAndPort, String> results = Repointer.repoint(others, address, dialect, connections,
                settings.repointCheck());
        SemiSync.demoted(old); // a replica's applier must not wait for acknowledgements
        if (dialect.mariadb()) {
            MostAdvancedReplica.execute(old, "SET GLOBAL gtid_slave_pos = @@gtid_binlog_pos");
        }
        MostAdvancedReplica.execute(old, dialect.changeSource(address.host(), address.port(),
                settings.replicationUser(), settings.replicationPassword()), dialect.startReplica());
        results.put(master, Repointer.awaitReplicating(old, dialect, settings.repointCheck()));
        for (HostAndPort node : results.keySet()) {
            monitor.probeNow(coordinator.node(node));
        }
        return results;
    }
}
