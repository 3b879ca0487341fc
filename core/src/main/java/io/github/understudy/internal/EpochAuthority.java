package io.github.understudy.internal;

import io.github.understudy.HostAndPort;
import io.github.understudy.event.MasterRestored;

import java.sql.SQLException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this instance on the master the epoch record names ({@link Authority} decides; this class gathers and acts):
 * follows it, makes it writable again after a restart, refuses writes when nothing can be proven, fences every other
 * writable node, and switches semi-sync on where a replica can acknowledge again.
 */
final class EpochAuthority {

    private static final Logger LOG = LoggerFactory.getLogger(EpochAuthority.class);

    private final Services services;
    private final Fencer fencer;
    private final AttemptGate gate = new AttemptGate();

    EpochAuthority(Services services, Fencer fencer) {
        this.services = services;
        this.fencer = fencer;
    }

    /**
     * Follows, restores or refuses as the epoch record says ({@link Authority}), then fences every other writable
     * node. Returns whether this instance now follows another master than before (another instance promoted it). Following changes no server, so it needs no lock and no new connection (the probes read the epoch
     * rows); restoring and fencing hold the node's failover lock: a promotion in flight holds it, so a node made
     * writable a moment before its epoch is recorded is never mistaken for a stray. What the probe saw is checked
     * again under the lock: it may predate another instance's change.
     */
    boolean apply(boolean fence) throws SQLException {
        HealthMonitor monitor = services.monitor();
        List<Authority.View> views = views();
        Authority.Verdict verdict = Authority.decide(views, monitor.epoch(), monitor.followed(), mariadb());
        HostAndPort before = monitor.followed();
        if (verdict instanceof Authority.Verdict.Follow f) {
            follow(f.master(), f.epoch());
        } else if (verdict instanceof Authority.Verdict.Restore r) {
            restore(r);
        } else if (verdict instanceof Authority.Verdict.Refuse r) {
            refuse(r.why());
        } else {
            monitor.refuseWrites("");
        }
        if (fence && monitor.followed() != null) {
            for (HostAndPort other : Authority.toFence(views, verdict)) {
                fence(other, monitor.followed(), monitor.epoch());
            }
        }
        unfenceRejoined(views);
        return before != null && monitor.followed() != null && !before.equals(monitor.followed());
    }

    /**
     * A node this instance fenced goes back into rotation once it is the followed master, or a read-only replica
     * whose receiver is connected to it: another instance (or an operator) may have rejoined it.
     */
    private void unfenceRejoined(List<Authority.View> views) {
        HealthMonitor monitor = services.monitor();
        Authority.View master = views.stream().filter(v -> v.address().equals(monitor.followed())).findFirst()
                .orElse(null);
        for (HostAndPort node : monitor.fenced()) {
            ServerState state = services.node(node).probe().last();
            boolean isMaster = node.equals(monitor.followed());
            boolean replica = master != null && state != null && state.readOnly() && state.replica()
                    .filter(r -> r.connectedTo(master.serverId()) && master.serverId() != 0).isPresent();
            if (isMaster || replica) {
                monitor.fence(node, false);
            }
        }
    }

    private List<Authority.View> views() {
        return services.monitor().nodes().stream().map(node -> {
            ServerState state = node.probe().last();
            boolean reachable = state != null && node.probe().answering();
            return state == null ? new Authority.View(node.address(), false, 0, false, false, 0, "", null)
                    : new Authority.View(node.address(), reachable, state.serverId(), !state.readOnly(),
                    state.replica().isPresent(), state.replica().map(ReplicaStatus::sourceServerId).orElse(0L),
                    state.executed(), state.epoch());
        }).toList();
    }

    private boolean mariadb() {
        Dialect dialect = services.dialect();
        return dialect != null && dialect.mariadb();
    }

    private void follow(HostAndPort master, long epoch) {
        HealthMonitor monitor = services.monitor();
        monitor.refuseWrites("");
        if (!master.equals(monitor.followed()) || epoch != monitor.epoch()) {
            LOG.warn("{} - following {} (epoch {}; this instance had {} at epoch {})", services.name(), master,
                    epoch, monitor.followed(), monitor.epoch());
            monitor.follow(master, epoch);
        }
    }

    private void refuse(String why) {
        if (!why.equals(services.monitor().table().noMaster())) {
            LOG.error("{} - refusing writes: {}", services.name(), why);
        }
        services.monitor().refuseWrites(why);
    }

    /** Makes the recorded master writable again, under its lock, if it still is read-only and the same term's. */
    private void restore(Authority.Verdict.Restore verdict) throws SQLException {
        HostAndPort master = verdict.master();
        if (!gate.due(services.node(master))) {
            return;
        }
        try (ClusterLock lock = ClusterLock.acquire(List.of(master), services.connections())) {
            if (lock == null) {
                return; // another instance is on it (or the promoter still holds it)
            }
            try (ServerSession session = services.session(master)) {
                boolean same = session.replicaStatus().isEmpty()
                        && EpochStore.read(session).number() == verdict.epoch();
                if (!same) {
                    services.monitor().probeNow(services.node(master));
                    return; // changed meanwhile: decide again at the next tick
                }
                if (session.readOnly() && !makeWritable(session, verdict)) {
                    return;
                }
            }
            services.monitor().probeNow(services.node(master));
            follow(master, verdict.epoch());
        }
    }

    /**
     * Semi-sync first where the replicas acknowledge as semi-sync replicas (a restart loses MariaDB's run-time
     * switch; a promotion with no replica to acknowledge leaves the node read-only): only once a replica replicates
     * from the node, or commits would hang; until then writes are refused, saying why.
     */
    private boolean makeWritable(ServerSession session, Authority.Verdict.Restore verdict) throws SQLException {
        HostAndPort master = verdict.master();
        if (semiSyncWanted(master)) {
            if (!replicaConnectedTo(master)) {
                refuse("semi-sync: no replica replicates from " + master + " (the master of epoch " + verdict.epoch()
                        + ") to acknowledge writes; writes wait until one does, or switch semi-sync off on the "
                        + "replicas to accept writes no replica has");
                return false;
            }
            SemiSync.enable(session);
        }
        session.execute(session.dialect().makeWritable());
        LOG.warn("{} - made {} writable: {}", services.name(), master, verdict.why());
        services.events().publish(new MasterRestored(services.name(), services.clock().instant(), master,
                verdict.epoch(), verdict.why()));
        return true;
    }

    private boolean semiSyncWanted(HostAndPort master) {
        return services.monitor().nodes().stream().filter(n -> !n.address().equals(master))
                .map(n -> n.probe().last()).anyMatch(s -> s != null && s.semiSyncReplica());
    }

    private boolean replicaConnectedTo(HostAndPort master) {
        ServerState state = services.node(master).probe().last();
        long masterId = state == null ? 0 : state.serverId();
        return masterId != 0 && services.monitor().nodes().stream().filter(n -> !n.address().equals(master))
                .map(n -> n.probe().last()).anyMatch(s -> s != null && s.replica()
                        .filter(r -> r.connectedTo(masterId)).isPresent());
    }

    private void fence(HostAndPort other, HostAndPort master, long epoch) throws SQLException {
        if (!gate.due(services.node(other))) {
            return;
        }
        try (ClusterLock lock = ClusterLock.acquire(List.of(other), services.connections())) {
            if (lock == null) {
                return; // another instance is on it
            }
            try (ServerSession session = services.session(other)) {
                if (session.readOnly()) {
                    services.monitor().probeNow(services.node(other)); // fenced meanwhile: let the table catch up
                    return;
                }
            }
            fencer.fenceNode(other, master, "writable with epoch " + epoch + ", but the master is " + master
                    + " (epoch " + services.monitor().epoch() + ")");
        }
    }
}
