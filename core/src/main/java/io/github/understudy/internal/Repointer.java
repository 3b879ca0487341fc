package io.github.understudy.internal;

import io.github.understudy.HostAndPort;
import io.github.understudy.RepointResult;

import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Points the replicas at a new master after a promotion, all at once, and checks that they replicate. */
final class Repointer {

    /** How one node is pointed at the new master: by GTID, or by binary log coordinates. */
    @FunctionalInterface
    interface Way {
        /**
         * @param node         a session on the node (a long socket timeout: waits happen)
         * @param startApplier false to leave its applier stopped, as an operator had it
         */
        RepointResult repoint(ServerSession node, boolean startApplier);
    }

    private Repointer() {
    }

    /** By GTID, with the configured replication credentials. */
    static Way byGtid(Services services, ReplicationAddress master) {
        return (node, startApplier) -> ReplicaOf.make(node, master, services.settings().replicationUser(),
                services.settings().replicationPassword(), startApplier, services.settings().repointCheck(),
                services.heartbeatPeriod());
    }

    /** By binary log coordinates: see {@link ReplicaOf#atCoordinates}. */
    static Way byCoordinates(Services services, ReplicationAddress master, BinlogPosition promotedAt,
                             BinlogPosition masterEnd) {
        return (node, startApplier) -> ReplicaOf.atCoordinates(node, master, promotedAt, masterEnd,
                services.settings().replicationUser(), services.settings().replicationPassword(), startApplier,
                services.settings().repointCheck());
    }

    /**
     * Repoints every node of {@code replicas}; in parallel, since a {@code STOP SLAVE} can wait for a receiver stuck
     * on a hung old master.
     *
     * @param keepApplierStopped the nodes whose applier an operator had stopped: it stays stopped
     */
    static Map<HostAndPort, RepointResult> repoint(Services services, List<HostAndPort> replicas, Way way,
                                                    List<HostAndPort> keepApplierStopped) {
        Map<HostAndPort, CompletableFuture<RepointResult>> pending = new LinkedHashMap<>();
        for (HostAndPort replica : replicas) {
            pending.put(replica, CompletableFuture.supplyAsync(() -> repointOne(services, replica, way,
                    !keepApplierStopped.contains(replica)), runnable -> {
                        Thread thread = new Thread(runnable, services.name() + "-repoint-" + replica);
                        thread.setDaemon(true);
                        thread.start();
                    }));
        }
        Map<HostAndPort, RepointResult> results = new LinkedHashMap<>();
        pending.forEach((replica, result) -> results.put(replica, result.join()));
        return results;
    }

    private static RepointResult repointOne(Services services, HostAndPort replica, Way way, boolean startApplier) {
        Duration check = services.settings().repointCheck();
        // A long socket timeout: STOP SLAVE may wait out the receiver's connect attempt to a hung server.
        try (ServerSession session = services.session(replica, check.plusSeconds(60))) {
            return way.repoint(session, startApplier);
        } catch (SQLException e) {
            return RepointResult.of(RepointResult.Outcome.FAILED, NodeProbe.reason(e));
        }
    }
}
