package io.github.understudy.testkit;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Brings a cluster back to its starting shape between tests: cheaply when possible, by a rebuild otherwise. */
final class ClusterReset {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterReset.class);

    private final ReplicationCluster cluster;

    ClusterReset(ReplicationCluster cluster) {
        this.cluster = cluster;
    }

    void run() {
        List<ClusterNode> nodes = cluster.nodes();
        for (ClusterNode node : nodes) {
            node.healNetwork();
            if (node.isPaused()) {
                node.resume();
            }
            if (!node.isRunning()) {
                node.server().start();
            }
        }
        nodes.forEach(cluster::awaitServing);
        if (!restoreReplication(nodes)) {
            cluster.rebuild();
            return;
        }
        forgetFailovers(nodes);
        cluster.awaitReplicasCaughtUp();
    }

    /**
     * Drops what failover tools leave behind, so that each test starts from a cluster that never failed over:
     * Understudy's {@code understudy} schema (its epoch record, replicated from the master) and, on MySQL, the
     * variables persisted by {@code SET PERSIST} (a role that survives restarts).
     */
    private void forgetFailovers(List<ClusterNode> nodes) {
        cluster.execute(nodes.get(0), "DROP DATABASE IF EXISTS understudy");
        if (cluster.flavor() == Flavor.MYSQL) {
            nodes.forEach(node -> cluster.execute(node, "RESET PERSIST"));
        }
    }

    /** Restarts appliers and removes delays; returns whether the original topology then holds. */
    private boolean restoreReplication(List<ClusterNode> nodes) {
        try {
            for (ClusterNode replica : nodes.subList(1, nodes.size())) {
                cluster.execute(replica, cluster.sql().stop(), cluster.sql().delay(java.time.Duration.ZERO),
                        cluster.sql().start());
            }
        } catch (IllegalStateException e) {
            LOG.info("replication cannot be restarted ({}): rebuilding", e.getMessage());
            return false;
        }
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        ServerTopology topology = cluster.topology();
        while (System.nanoTime() < deadline) {
            topology = cluster.topology();
            if (original(topology, nodes)) {
                return true;
            }
            ReplicationCluster.sleep(100);
        }
        LOG.info("the topology is not the original one ({}): rebuilding", topology);
        return false;
    }

    private static boolean original(ServerTopology topology, List<ClusterNode> nodes) {
        NodeReport first = topology.node(nodes.get(0).name());
        if (!first.master()) {
            return false;
        }
        int masterPort = nodes.get(0).server().replicationAddress().getPort();
        return nodes.subList(1, nodes.size()).stream().map(n -> topology.node(n.name()))
                .allMatch(r -> r.readOnly() && r.sourcePort() == masterPort && r.replicationHealthy());
    }
}
