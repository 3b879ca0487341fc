package io.github.understudy.benchmarks.chaos;

import io.github.understudy.benchmarks.support.Sleep;
import io.github.understudy.testkit.ClusterNode;
import io.github.understudy.testkit.NodeReport;
import io.github.understudy.testkit.ReplicationCluster;
import io.github.understudy.testkit.ServerTopology;

import java.time.Duration;
import java.util.List;
import java.util.Random;

/**
 * Picks and applies one fault at a time, from a seeded {@link Random}: kill, hang or cut the master or a replica
 * from the applications, make a replica lag past {@code maxReplicaLag}, restart any node, or kill the master and
 * start it again at once. Each fault is held for a random time, then healed. A node restarts with its own
 * configuration file (n1's says writable, the others' read-only), whatever role it had: the epoch record, not the
 * file, must decide who is master (issue 20). {@code MASTER_KILL} keeps the old behaviour of an operator whose
 * master configuration makes the returning node writable.
 */
final class FaultInjector {

    /** The kinds of fault. */
    enum Kind {
        MASTER_KILL, MASTER_HANG, MASTER_CUT, REPLICA_KILL, REPLICA_HANG, REPLICA_CUT, REPLICA_LAG,
        /** A clean restart of any node, the master included, with its configuration file. */
        NODE_RESTART,
        /** The master killed and started again at once, with its configuration file. */
        MASTER_KILL_RESTART
    }

    /**
     * One applied fault.
     *
     * @param kind   what
     * @param node   on which node
     * @param atMs   when, in milliseconds from the start of the run
     * @param holdMs how long it lasted
     */
    record Applied(Kind kind, String node, long atMs, long holdMs) {
    }

    private final ReplicationCluster cluster;
    private final Random random;
    private final Duration maxHold;
    private final Duration maxLag;
    private final List<Kind> kinds;

    FaultInjector(ReplicationCluster cluster, Random random, Duration maxHold, Duration maxLag, boolean masterHang) {
        this.kinds = java.util.Arrays.stream(Kind.values()).filter(k -> masterHang || k != Kind.MASTER_HANG).toList();
        this.cluster = cluster;
        this.random = random;
        this.maxHold = maxHold;
        this.maxLag = maxLag;
    }

    /**
     * Applies, holds and heals one random fault.
     *
     * @param startedAt the run's start ({@link System#nanoTime()})
     * @return what was done
     */
    Applied next(long startedAt) {
        Kind kind = kinds.get(random.nextInt(kinds.size()));
        ServerTopology topology = cluster.topology();
        ClusterNode master = cluster.node(topology.master().orElseThrow(
                () -> new IllegalStateException("no single master before a fault: " + topology)).node());
        List<ClusterNode> replicas = cluster.nodes().stream().filter(n -> n != master).toList();
        ClusterNode target = kind.name().startsWith("MASTER") ? master
                : kind == Kind.NODE_RESTART ? cluster.nodes().get(random.nextInt(cluster.nodes().size()))
                : replicas.get(random.nextInt(replicas.size()));
        long hold = kind == Kind.REPLICA_LAG ? maxLag.toMillis() + 1000 + random.nextInt(3000)
                : 1000 + random.nextInt((int) Math.max(1, maxHold.toMillis() - 1000));
        long at = (System.nanoTime() - startedAt) / 1_000_000;
        apply(kind, target, hold);
        return new Applied(kind, target.name(), at, hold);
    }

    private void apply(Kind kind, ClusterNode node, long hold) {
        switch (kind) {
            case MASTER_KILL, REPLICA_KILL -> {
                node.kill();
                Sleep.millis(hold);
                node.start();
                if (kind == Kind.MASTER_KILL) {
                    returnWritable(node);
                }
            }
            case MASTER_HANG, REPLICA_HANG -> {
                node.pause();
                Sleep.millis(hold);
                node.resume();
            }
            case MASTER_CUT, REPLICA_CUT -> {
                node.cutFromApplication();
                Sleep.millis(hold);
                node.healNetwork();
            }
            case NODE_RESTART -> {
                node.stop();
                Sleep.millis(hold);
                node.start();
            }
            case MASTER_KILL_RESTART -> {
                node.kill();
                node.start();
                Sleep.millis(hold);
            }
            case REPLICA_LAG -> {
                node.delayReplication(maxLag.plusSeconds(3));
                Sleep.millis(hold);
                node.delayReplication(Duration.ZERO);
            }
        }
    }

    /**
     * An old master returns as it was configured: writable. A node that became master by promotion has a
     * replica's configuration (read-only), so it is made writable as its operator's master configuration would.
     */
    private void returnWritable(ClusterNode node) {
        NodeReport report = cluster.topology().node(node.name());
        if (report.running() && report.readOnly() && !report.replicating()) {
            cluster.execute(node, "SET GLOBAL read_only = OFF");
        }
    }

    /** Undoes whatever a failed fault left behind: resumes, heals, starts. */
    void healAll() {
        for (ClusterNode node : cluster.nodes()) {
            node.healNetwork();
            if (node.isPaused()) {
                node.resume();
            }
            if (!node.isRunning()) {
                node.start();
            }
        }
    }
}
