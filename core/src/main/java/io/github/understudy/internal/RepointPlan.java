package io.github.understudy.internal;

import io.github.understudy.RepointResult;
import io.github.understudy.RepointResult.Outcome;

import java.sql.SQLException;

/**
 * How nodes become replicas of a (new) master: by GTID; without GTIDs (MySQL {@code gtid_mode=OFF}), by the
 * binary log coordinates of its promotion, recorded in the epoch row. A node can follow it by coordinates only when
 * it provably holds what the master held at its promotion: a replica of the old master that applied it up to where
 * the master had ({@link ReplicaOf#atCoordinates}), or the old master itself with nothing written after that point.
 *
 * @param master       where replicas reach the master
 * @param coordinates  the promotion in coordinates, null with GTIDs (or when unknown)
 * @param positionMode whether the cluster replicates without GTIDs
 */
record RepointPlan(ReplicationAddress master, EpochStore.Coordinates coordinates, boolean positionMode) {

    /** The plan for the master {@code session} is on, from its epoch row. */
    static RepointPlan of(ServerSession master, EpochStore.Epoch epoch) throws SQLException {
        return new RepointPlan(master.replicationAddress(), epoch.coordinates(), positionMode(master));
    }

    /** Whether a MySQL server replicates without GTIDs. */
    static boolean positionMode(ServerSession server) throws SQLException {
        return !server.dialect().mariadb()
                && !Dialect.on(server.variables(java.util.List.of("gtid_mode")).getOrDefault("gtid_mode", "OFF"));
    }

    /** How a replica of the old master is repointed. */
    Repointer.Way replicas(Services services) {
        if (!positionMode) {
            return Repointer.byGtid(services, master);
        }
        if (coordinates == null) {
            return (node, start) -> unknown();
        }
        return Repointer.byCoordinates(services, master, coordinates.failedAt(), coordinates.ownEnd());
    }

    /** Makes {@code node} a replica, whichever it is: a replica of the old master, or the old master itself. */
    RepointResult join(Services services, ServerSession node, boolean startApplier) throws SQLException {
        if (!positionMode || node.replicaStatus().isPresent()) {
            return replicas(services).repoint(node, startApplier);
        }
        if (coordinates == null) {
            return unknown();
        }
        long serverId = Long.parseLong(node.text("SELECT @@global.server_id"));
        if (serverId != coordinates.failedServerId()) {
            return RepointResult.of(Outcome.REFUSED, "it replicates from no one and is not the master the last "
                    + "promotion replaced (server_id " + coordinates.failedServerId() + "): without GTIDs its place in "
                    + master + "'s binary log cannot be proven; rebuild it from a replica");
        }
        String written = node.transactionsAfter(coordinates.failedAt());
        if (!written.isEmpty()) {
            return RepointResult.of(Outcome.REFUSED, "it wrote transactions after " + coordinates.failedAt()
                    + ", where the new master took over (" + written + "): rebuild it from a replica");
        }
        Dialect dialect = node.dialect();
        node.execute(dialect.stopReplica());
        node.execute(dialect.changeSourceAt(master.host(), master.port(), services.settings().replicationUser(),
                services.settings().replicationPassword(), coordinates.ownEnd(), java.time.Duration.ZERO, null));
        node.execute(dialect.startReplica());
        return ReplicaOf.await(node, services.settings().repointCheck(), true);
    }

    private static RepointResult unknown() {
        return RepointResult.of(Outcome.REFUSED, "without GTIDs a node is repointed by binary log coordinates, and "
                + "where the last promotion happened in them is unknown (a promotion strategy that did not say: "
                + "PromotionOutcome.appliedCoordinates)");
    }
}
