package io.github.understudy.benchmarks.chaos;

import io.github.understudy.UnderstudyDataSource;
import io.github.understudy.benchmarks.support.Defaults;
import io.github.understudy.benchmarks.support.EventLog;
import io.github.understudy.benchmarks.support.LoadGenerator;
import io.github.understudy.benchmarks.support.Sleep;
import io.github.understudy.event.MasterPromoted;
import io.github.understudy.event.NodeFenced;
import io.github.understudy.event.RejoinRefused;
import io.github.understudy.testkit.ClusterNode;
import io.github.understudy.testkit.Flavor;
import io.github.understudy.testkit.NodeReport;
import io.github.understudy.testkit.ReplicationCluster;
import io.github.understudy.testkit.ServerTopology;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One stretch of a chaos run on a cluster in its original shape: instances and loads start, faults come one at a
 * time until the time or fault budget is spent or the cluster can no longer take a fault safely (a node stayed
 * out, e.g. an old master whose rejoin was refused), then everything is healed, the loads stop, the instances
 * close and the checker judges the stretch.
 */
final class Segment {

    private static final Logger LOG = LoggerFactory.getLogger(Segment.class);

    /**
     * @param index      the segment's number in the run
     * @param faults     the faults applied
     * @param endReason  why it ended
     * @param verdict    the checker's verdict
     * @param stuck      requests still running when the loads were stopped
     * @param errors     failed requests by SQLState and exception type, with the first message of each
     * @param targets    each instance's write target once everything was healed ("none": it refused writes)
     */
    record Result(int index, List<FaultInjector.Applied> faults, String endReason, Verdict verdict, int stuck,
                  Map<String, String> errors, List<String> targets) {
    }

    private final ReplicationCluster cluster;
    private final ChaosSettings settings;
    private final FaultInjector injector;
    private final int index;

    Segment(ReplicationCluster cluster, ChaosSettings settings, Random random, int index) {
        this.cluster = cluster;
        this.settings = settings;
        this.index = index;
        this.injector = new FaultInjector(cluster, random, settings.maxHold(), Defaults.CONFIG.maxReplicaLag(),
                settings.masterHang());
    }

    Result run(long runStart, long deadline, int faultBudget, AtomicLong ids) {
        cluster.reset();
        cluster.execute(cluster.node("n1"), "DROP TABLE IF EXISTS `" + cluster.database() + "`."
                + LoadGenerator.TABLE, LoadGenerator.createTable(cluster.database()));
        cluster.awaitReplicasCaughtUp();
        List<FaultInjector.Applied> faults = new ArrayList<>();
        String endReason;
        History history;
        FinalState state;
        int stuck;
        Map<String, String> errors;
        List<String> targets;
        try (Instances instances = new Instances(cluster, settings, "chaos" + index, ids)) {
            Sleep.millis(1000);
            endReason = faults(instances, runStart, deadline, faultBudget, faults);
            injector.healAll();
            logSemiSync();
            stuck = instances.stopLoads(Defaults.CONFIG.socketTimeout().plusSeconds(5));
            settle(instances, false, System.nanoTime());
            targets = instances.dataSources.stream().map(ds -> ds.name() + " -> " + ds.writeTarget()
                    .map(Object::toString).orElse("none")).toList();
            errors = instances.log.errorSummary();
            history = history(instances.events, instances);
            state = new FinalStateReader(cluster).read();
            instances.close();
            state = new FinalStateReader(cluster).afterClose(state, instances.threadPrefixes());
        }
        Verdict verdict = ChaosChecker.check(history, state, settings.semiSync());
        LOG.info("segment {}: {} faults, ended: {}; {}; violations: {}", index, faults.size(), endReason,
                verdict.counts(), verdict.violations());
        return new Result(index, faults, endReason, verdict, stuck, errors, targets);
    }

    private String faults(Instances instances, long runStart, long deadline, int budget,
                          List<FaultInjector.Applied> faults) {
        while (true) {
            if (System.nanoTime() >= deadline) {
                return "time budget spent";
            }
            if (faults.size() >= budget) {
                return "fault budget spent";
            }
            FaultInjector.Applied applied;
            try {
                applied = injector.next(runStart);
            } catch (RuntimeException e) {
                LOG.warn("segment {}: a fault could not be applied or healed", index, e);
                return "fault failed: " + e.getMessage();
            }
            faults.add(applied);
            LOG.info("segment {} fault {}: {} on {} for {} ms", index, faults.size(), applied.kind(), applied.node(),
                    applied.holdMs());
            long settling = System.nanoTime();
            if (!settle(instances, true, settling)) {
                return refusedRejoin(instances, settling).map(r -> "old master " + r.node() + " refused rejoining "
                        + "after " + applied.kind() + " (an operator rebuilds it): " + r.reason() + " "
                        + r.errantGtids()).orElse("not settled " + settings.settleTimeout() + " after "
                        + applied.kind() + " on " + applied.node() + ": " + cluster.topology());
            }
        }
    }

    /**
     * Each node's semi-sync master counters and GTID positions, for the log: a commit that ended without a replica's
     * acknowledgement ({@code no_tx}) or a switch to asynchronous replication ({@code no_times}) explains a lost
     * write, and the positions show which node has what.
     */
    private void logSemiSync() {
        for (ClusterNode node : cluster.nodes()) {
            try {
                Map<String, Object> counters = new TreeMap<>();
                cluster.query(node, "SHOW GLOBAL STATUS WHERE Variable_name IN ('Rpl_semi_sync_master_status', "
                        + "'Rpl_semi_sync_master_yes_tx', 'Rpl_semi_sync_master_no_tx', "
                        + "'Rpl_semi_sync_master_no_times', 'Rpl_semi_sync_master_wait_sessions')")
                        .forEach(row -> counters.put(String.valueOf(row.get("Variable_name"))
                                .replace("Rpl_semi_sync_master_", ""), row.get("Value")));
                String gtids = cluster.flavor() == Flavor.MARIADB
                        ? "SELECT @@gtid_binlog_pos AS binlog, @@gtid_slave_pos AS applied"
                        : "SELECT @@gtid_executed AS executed";
                counters.putAll(cluster.query(node, gtids).get(0));
                LOG.info("segment {} semi-sync on {} (counters since it started, GTIDs): {}", index, node.name(),
                        counters);
            } catch (RuntimeException e) {
                LOG.info("segment {} semi-sync on {}: not readable ({})", index, node.name(), e.getMessage());
            }
        }
    }

    /** Waits until the cluster is {@link #settled}; false when it did not, or an old master was refused rejoining. */
    private boolean settle(Instances instances, boolean replicasToo, long since) {
        // A returning master with commits no replica acknowledged (semi-sync: they waited when it hung) is refused
        // rejoining, rightly: it stays out until rebuilt, so the cluster cannot settle. No use waiting.
        return Sleep.until(settings.settleTimeout(), 250, () -> refusedRejoin(instances, since).isPresent()
                || settled(instances.dataSources, replicasToo)) && refusedRejoin(instances, since).isEmpty();
    }

    private static Optional<RejoinRefused> refusedRejoin(Instances instances, long since) {
        return instances.events.all().stream().filter(t -> t.nanos() >= since && t.event() instanceof RejoinRefused)
                .map(t -> (RejoinRefused) t.event()).findFirst();
    }

    /**
     * Whether the servers show one master, every instance writes to it, and (when {@code replicasToo}) every
     * other node replicates from it without error.
     */
    private boolean settled(List<UnderstudyDataSource> instances, boolean replicasToo) {
        ServerTopology topology = cluster.topology();
        Optional<NodeReport> master = topology.master();
        if (master.isEmpty()) {
            return false;
        }
        ClusterNode node = cluster.node(master.get().node());
        boolean followed = instances.stream().allMatch(ds -> ds.writeTarget().map(Object::toString)
                .equals(Optional.of(node.address())));
        return followed && (!replicasToo || topology.nodes().stream().filter(r -> r != master.get())
                .allMatch(r -> r.replicationHealthy() && r.sourcePort() == node.serverPort()));
    }

    private History history(EventLog events, Instances instances) {
        List<String> addresses = cluster.addresses();
        List<History.Change> promotions = events.all().stream().filter(t -> t.event() instanceof MasterPromoted)
                .map(t -> new History.Change(addresses.indexOf(((MasterPromoted) t.event()).newMaster().toString()),
                        t.nanos())).toList();
        List<History.Change> fences = events.all().stream().filter(t -> t.event() instanceof NodeFenced)
                .map(t -> new History.Change(addresses.indexOf(((NodeFenced) t.event()).node().toString()),
                        t.nanos())).toList();
        return new History(0, instances.log.requests(), promotions, fences);
    }
}
