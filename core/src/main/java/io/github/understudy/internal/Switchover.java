package io.github.understudy.internal;

import io.github.understudy.HostAndPort;
import io.github.understudy.NodeState;
import io.github.understudy.NodeStatus;
import io.github.understudy.Role;
import io.github.understudy.event.FailoverFailed;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A planned change of master: hold new writes, let the ones in flight finish, make the old master read-only,
 * let the target apply everything, promote it, release the writes to it ({@link Handover}), then make the old
 * master and the other replicas replicate from it.
 */
final class Switchover {

    private static final Logger LOG = LoggerFactory.getLogger(Switchover.class);

    private final Services services;
    private final FailoverCoordinator coordinator;
    private final Duration hold;

    Switchover(Services services, FailoverCoordinator coordinator, Duration hold) {
        this.services = services;
        this.coordinator = coordinator;
        this.hold = hold;
    }

    void run(HostAndPort target) throws SQLException {
        if (!services.settings().strategy().changesServers() || services.settings().replicationUser() == null) {
            throw new IllegalStateException(services.name() + " - switchover needs a promotion strategy that changes "
                    + "servers and failover.replicationCredentials (the old master becomes a replica)");
        }
        coordinator.busy().lock();
        try {
            HealthMonitor monitor = services.monitor();
            HostAndPort master = monitor.followed();
            NodeStatus targetStatus = monitor.table().snapshot().node(target).orElseThrow(() ->
                    Check.invalid("target", "one of the hosts", target.toString()));
            if (master == null || target.equals(master) || targetStatus.role() != Role.REPLICA
                    || targetStatus.state() != NodeState.UP) {
                throw new IllegalStateException(services.name() + " - switchover target must be a healthy replica, but "
                        + target + " is " + targetStatus.role() + " " + targetStatus.state() + " (master " + master
                        + ")");
            }
            try (ClusterLock lock = ClusterLock.acquire(upNodes(), services.connections())) {
                if (lock == null) {
                    throw new IllegalStateException(services.name()
                            + " - another application instance holds the failover lock");
                }
                switchTo(master, target);
            }
        } finally {
            coordinator.busy().unlock();
        }
    }

    private List<HostAndPort> upNodes() {
        return services.monitor().table().snapshot().nodes().stream().filter(s -> s.state() == NodeState.UP)
                .map(NodeStatus::address).toList();
    }

    private void switchTo(HostAndPort master, HostAndPort target) throws SQLException {
        HealthMonitor monitor = services.monitor();
        Instant started = services.clock().instant();
        Duration waits = services.settings().relayLogWait().plusSeconds(5);
        monitor.hold("switchover from " + master + " to " + target + " in progress");
        try (ServerSession old = services.session(master, waits);
             ServerSession promoted = services.session(target, waits)) {
            drain(services.node(master));
            coordinator.fencer().fence(old);
            // Without GTIDs, where the old master's binary log ends: the target and the others catch up to it.
            BinlogPosition end = RepointPlan.positionMode(old) ? old.binlogEnd().orElse(null) : null;
            String position = end != null ? end.toString() : old.executed();
            if (!caughtUp(promoted, position, end)) {
                abort(old, master, target, position);
            }
            promoted.promote();
            coordinator.recordFailover(services.clock().instant());
            // Every replica that answers, lagging ones too: a probe during the switchover may have judged one
            // against the held (empty) master.
            List<HostAndPort> others = monitor.table().snapshot().nodes().stream()
                    .filter(s -> s.role() == Role.REPLICA && s.state() != NodeState.DOWN
                            && s.state() != NodeState.FENCED && !s.address().equals(target))
                    .map(NodeStatus::address).toList();
            // The writes are released once the promotion is announced, before the old master is demoted.
            Runnable release = () -> monitor.hold("");
            coordinator.handover().complete(new Handover.Promotion(master, target, List.of(), Duration.ZERO,
                    started, true, others, List.of(), old, end), release);
            LOG.warn("{} - switched over from {} to {}", services.name(), master, target);
        } finally {
            monitor.hold("");
        }
    }

    private boolean caughtUp(ServerSession target, String position, BinlogPosition end) throws SQLException {
        if (end == null) {
            return target.awaitApplied(position, services.settings().relayLogWait());
        }
        return target.awaitCoordinates(end, services.settings().relayLogWait())
                && target.replicaStatus().map(s -> end.equals(s.applied())).orElse(false);
    }

    private void abort(ServerSession old, HostAndPort master, HostAndPort target, String position)
            throws SQLException {
        old.execute(old.dialect().makeWritable());
        String why = "switchover to " + target + " aborted: it did not apply " + position + " within "
                + services.settings().relayLogWait() + " (failover.relayLogWait); " + master + " is writable again";
        LOG.warn("{} - {}", services.name(), why);
        services.events().publish(new FailoverFailed(services.name(), services.clock().instant(), master, why));
        throw new SQLException(services.name() + " - " + why, "08001");
    }

    /** Lets writes already on a connection of the old master finish, up to half the hold. */
    private void drain(Node master) {
        long deadline = System.nanoTime() + hold.toNanos() / 2;
        while (master.inFlight() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }
}
