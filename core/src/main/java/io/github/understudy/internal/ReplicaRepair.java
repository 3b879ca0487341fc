package io.github.understudy.internal;

import io.github.understudy.HostAndPort;
import io.github.understudy.NodeState;
import io.github.understudy.NodeStatus;
import io.github.understudy.RepointResult;
import io.github.understudy.Role;
import io.github.understudy.TopologySnapshot;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes replicas of the master, later, the nodes that should be but are not: a node back from a restart that
 * replicates from no one (an old master, a promoted node of a lower term), and a replica a failover could not
 * repoint (it was unreachable then) that still replicates from a source that is gone. Each goes through
 * {@link Rejoin}: only when it holds nothing the master lacks. Replicas of a live source (a chain an operator
 * built) are left alone. An attempt that failed is not repeated, nor announced again, until something about the
 * node or the master changed.
 */
final class ReplicaRepair {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaRepair.class);
    /** Long enough for a receiver's first connection (a TLS handshake on a busy server); short next to an outage. */
    static final Duration UNKNOWN_SOURCE_PATIENCE = Duration.ofSeconds(10);

    private final Services services;
    private final Rejoin rejoin;
    /** Per node, what the last failed attempt saw; retried when it changes. */
    private final Map<HostAndPort, String> failed = new ConcurrentHashMap<>();
    private final AttemptGate gate = new AttemptGate();

    ReplicaRepair(Services services) {
        this.services = services;
        this.rejoin = new Rejoin(services);
    }

    void run() {
        HealthMonitor monitor = services.monitor();
        HostAndPort master = monitor.followed();
        TopologySnapshot snapshot = monitor.table().snapshot();
        NodeStatus current = master == null ? null : snapshot.node(master).orElse(null);
        // A master that answers, writable or not yet (a semi-sync master waits, read-only, for a replica).
        if (current == null || !services.node(master).probe().answering()) {
            return;
        }
        for (NodeStatus node : snapshot.nodes()) {
            if (!needsRepair(node, current, snapshot, services.clock().instant())) {
                continue;
            }
            String seen = master + " " + node.gtidPosition() + " " + node.replication();
            if (seen.equals(failed.get(node.address())) || !gate.due(services.node(node.address()))) {
                continue;
            }
            RepointResult result = repair(node.address(), master);
            if (result != null && !result.replicating()) {
                failed.put(node.address(), seen);
            } else {
                failed.remove(node.address());
            }
        }
    }

    /**
     * Whether {@code node} should replicate from {@code master} and does not: out of rotation (lagging, or fenced
     * and not rejoined yet) and either replicating from no one (and, checked later, not the master of a higher
     * term than the one followed), or replicating from a source that is gone.
     */
    static boolean needsRepair(NodeStatus node, NodeStatus master, TopologySnapshot snapshot, Instant now) {
        boolean stuck = node.state() == NodeState.LAGGING || node.state() == NodeState.FENCED;
        if (node.address().equals(master.address()) || node.role() != Role.REPLICA || !stuck) {
            return false;
        }
        if (node.replication() == null) {
            return true; // read-only, replicating from no one
        }
        long source = node.replication().sourceServerId();
        if (source == 0) {
            return unreachedSource(node.replication(), now);
        }
        return source != master.serverId() && sourceGone(source, snapshot);
    }

    /**
     * A receiver that has not reached its source since it was pointed at it (or since the replica restarted) shows
     * no source {@code server_id}: it may be an operator's new chain still connecting, so it is repaired only once
     * its receiver has been trying for {@link #UNKNOWN_SOURCE_PATIENCE}.
     */
    private static boolean unreachedSource(NodeStatus.Replication replication, Instant now) {
        Instant lost = replication.receiverLostAt();
        return lost != null && !now.isBefore(lost.plus(UNKNOWN_SOURCE_PATIENCE));
    }

    /** A source is gone when no configured node is it, or that node is down, fenced or no longer answers as one. */
    private static boolean sourceGone(long sourceServerId, TopologySnapshot snapshot) {
        return snapshot.nodes().stream().filter(n -> n.serverId() == sourceServerId).noneMatch(n ->
                n.role() != Role.UNKNOWN && n.state() != NodeState.DOWN && n.state() != NodeState.FENCED);
    }

    /** Rejoins the node under the failover lock; null when another instance holds it. */
    private RepointResult repair(HostAndPort node, HostAndPort master) {
        try (ClusterLock lock = ClusterLock.acquire(List.of(node), services.connections())) {
            if (lock == null) {
                return null;
            }
            try (ServerSession session = services.session(node, services.settings().repointCheck().plusSeconds(60))) {
                if (!session.readOnly() || higherTerm(session)) {
                    return null; // a writable node is fenced first; the master of a higher term is not ours to touch
                }
                if (replicatesFrom(session, master)) {
                    services.monitor().probeNow(services.node(node)); // another instance repaired it meanwhile
                    return RepointResult.REPLICATING;
                }
                boolean applying = session.replicaStatus().map(ReplicaStatus::applierRunning).orElse(true);
                RepointResult result = rejoin.rejoin(session, master, applying);
                if (result.replicating()) {
                    services.monitor().fence(node, false); // a fenced old master, rejoined at last
                }
                services.monitor().probeNow(services.node(node));
                return result;
            }
        } catch (SQLException e) {
            LOG.debug("{} - cannot repair {}: {}", services.name(), node, e.getMessage());
            return null;
        }
    }

    private boolean replicatesFrom(ServerSession session, HostAndPort master) throws SQLException {
        long masterId = services.monitor().table().snapshot().node(master).map(NodeStatus::serverId).orElse(0L);
        return masterId != 0 && session.replicaStatus().filter(s -> s.connectedTo(masterId)).isPresent();
    }

    private boolean higherTerm(ServerSession session) throws SQLException {
        return EpochStore.read(session).number() > services.monitor().epoch();
    }
}
