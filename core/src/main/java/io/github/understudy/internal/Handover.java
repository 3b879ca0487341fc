package io.github.understudy.internal;

import io.github.understudy.HostAndPort;
import io.github.understudy.NodeStatus;
import io.github.understudy.RejectedCandidate;
import io.github.understudy.RepointResult;
import io.github.understudy.event.MasterPromoted;
import io.github.understudy.event.NodeRejoined;
import io.github.understudy.event.ReplicasRepointed;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of every promotion, failover or switchover, once the new master is writable: its epoch recorded, the
 * promotion announced, writes routed to it, the other nodes repointed. One place for the order, which is what
 * keeps acknowledged writes safe: with semi-sync the replicas are repointed first and semi-sync switched on before
 * any write is routed there (a write acknowledged by the new master alone would be lost with it), and never with
 * no replica to acknowledge (every commit would hang): writes are held instead, until one replicates.
 */
final class Handover {

    private static final Logger LOG = LoggerFactory.getLogger(Handover.class);

    private final Services services;

    Handover(Services services) {
        this.services = services;
    }

    /**
     * A promotion to complete.
     *
     * @param failed             the master it replaces
     * @param promoted           the node made writable
     * @param rejected           the candidates not chosen
     * @param detection          from the first failure to the diagnosis (zero for a switchover)
     * @param started            when the promotion started (the diagnosis, or the switchover's start)
     * @param planned            a switchover
     * @param replicas           the nodes to repoint to it
     * @param keepApplierStopped those of them whose applier an operator had stopped
     * @param demoted            the old master to make a replica too (a switchover's), null for none
     * @param promotedAt         without GTIDs: how far the promoted node applied the old master's binary log
     *                           (null with GTIDs, or when the strategy did not say: replicas are then refused)
     */
    record Promotion(HostAndPort failed, HostAndPort promoted, List<RejectedCandidate> rejected, Duration detection,
                     Instant started, boolean planned, List<HostAndPort> replicas,
                     List<HostAndPort> keepApplierStopped, ServerSession demoted, BinlogPosition promotedAt) {
    }

    /**
     * Completes it; returns the epoch of the new master's term.
     *
     * @param afterFollow run once writes are routed to the new master (a switchover releases its hold)
     */
    long complete(Promotion promotion, Runnable afterFollow) throws SQLException {
        Node promoted = services.node(promotion.promoted());
        services.monitor().promoting(promoted); // its master pool fills while the term is recorded
        Started started;
        try {
            started = record(promotion);
        } catch (SQLException | RuntimeException e) {
            promoted.prepare(null); // not promoted: the pool opened ahead goes
            throw e;
        }
        Map<HostAndPort, RepointResult> results = null;
        long repointStarted = System.nanoTime();
        if (started.semiSync()) {
            results = repoint(promotion, started.plan());
            semiSyncThenWritable(promotion.promoted(), results);
        } else {
            writable(promotion.promoted());
        }
        announce(promotion, started.epoch());
        afterFollow.run();
        services.monitor().probeNow(services.node(promotion.promoted()));
        if (results == null) {
            results = repoint(promotion, started.plan()); // writes go there already
        }
        LOG.warn("{} - repointed to {}: {}", services.name(), promotion.promoted(), results);
        services.events().publish(new ReplicasRepointed(services.name(), services.clock().instant(),
                promotion.promoted(), results, Duration.ofNanos(System.nanoTime() - repointStarted)));
        if (promotion.demoted() != null && results.get(promotion.demoted().node()).replicating()) {
            services.events().publish(new NodeRejoined(services.name(), services.clock().instant(),
                    promotion.demoted().node(), promotion.promoted()));
        }
        return started.epoch();
    }

    /** The new term, whether semi-sync carries over, and how the others follow. */
    private record Started(long epoch, boolean semiSync, RepointPlan plan) {
    }

    /**
     * Records the new term on the new master, still read-only for the application: the epoch row is its first
     * write, so whoever sees it writable (every instance of a fleet, at its next probe) sees its term too.
     */
    private Started record(Promotion promotion) throws SQLException {
        try (ServerSession master = services.session(promotion.promoted())) {
            long epoch = Math.max(services.monitor().epoch(), EpochStore.read(master).number()) + 1;
            // Semi-sync if the master it replaces used it (as last probed) and the new one can.
            boolean semiSync = services.node(promotion.failed()).probe().semiSyncMaster()
                    && SemiSync.available(master);
            RepointPlan plan = plan(master, promotion);
            EpochStore.write(master, epoch, promotion.promoted(), master.executed(), plan.coordinates(),
                    services.name() + "@" + ProcessHandle.current().pid()
                            + (promotion.planned() ? " (switchover)" : ""));
            return new Started(epoch, semiSync, plan);
        }
    }

    /** Announces the promotion, then routes writes there: anything seen on the new master follows the event. */
    private void announce(Promotion promotion, long epoch) {
        Instant promotedAt = services.clock().instant();
        LOG.warn("{} - promoted {} (epoch {}) in place of {}; rejected: {}", services.name(), promotion.promoted(),
                epoch, promotion.failed(), promotion.rejected());
        services.events().publish(new MasterPromoted(services.name(), promotedAt, promotion.failed(),
                promotion.promoted(), epoch, promotion.rejected(), promotion.detection(),
                Duration.between(promotion.started(), promotedAt), promotion.planned()));
        services.monitor().follow(promotion.promoted(), epoch);
    }

    /**
     * How the others follow the new master. Without GTIDs, by the coordinates of this promotion: how far it applied
     * the old master's binary log, and the end of its own binary log now, before the epoch row is its first write.
     */
    private RepointPlan plan(ServerSession master, Promotion promotion) throws SQLException {
        if (!RepointPlan.positionMode(master) || promotion.promotedAt() == null) {
            return new RepointPlan(master.replicationAddress(), null, RepointPlan.positionMode(master));
        }
        long failedId = services.monitor().table().snapshot().node(promotion.failed()).map(NodeStatus::serverId)
                .orElse(0L);
        BinlogPosition end = master.binlogEnd().orElseThrow(() -> new SQLException(promotion.promoted()
                + " writes no binary log: without GTIDs nothing can replicate from it", "HY000"));
        return new RepointPlan(master.replicationAddress(), new EpochStore.Coordinates(failedId,
                promotion.promotedAt(), end), true);
    }

    private Map<HostAndPort, RepointResult> repoint(Promotion promotion, RepointPlan plan) throws SQLException {
        Map<HostAndPort, RepointResult> results = new LinkedHashMap<>(Repointer.repoint(services,
                promotion.replicas(), plan.replicas(services), promotion.keepApplierStopped()));
        if (promotion.demoted() != null) {
            ServerSession old = promotion.demoted();
            SemiSync.demoted(old); // a replica's applier must not wait for acknowledgements
            results.put(old.node(), plan.join(services, old, true));
        }
        results.keySet().forEach(node -> services.monitor().probeNow(services.node(node)));
        return results;
    }

    /**
     * Makes the new master writable for the application (a promotion strategy of one's own may have done it
     * already: then it is a no-op).
     */
    private void writable(HostAndPort master) throws SQLException {
        try (ServerSession session = services.session(master)) {
            session.execute(session.dialect().makeWritable());
        }
    }

    /**
     * With semi-sync: switches it on and makes the node writable once a replica can acknowledge; with none, the node
     * stays read-only and writes wait (every instance: {@link EpochAuthority} makes it writable as soon as a replica
     * replicates from it) rather than hang on commits no replica can acknowledge.
     */
    private void semiSyncThenWritable(HostAndPort master, Map<HostAndPort, RepointResult> results)
            throws SQLException {
        if (results.values().stream().anyMatch(RepointResult::replicating)) {
            try (ServerSession session = services.session(master)) {
                SemiSync.enable(session);
                session.execute(session.dialect().makeWritable());
            }
            return;
        }
        LOG.error("{} - semi-sync: no replica replicates from the new master {} to acknowledge writes ({}); it stays "
                + "read-only, and writes wait, until one does (rejoin or repoint a replica), or switch semi-sync off "
                + "on it to accept writes no replica has", services.name(), master, results);
    }
}
