package io.github.understudy.benchmarks.chaos;

import io.github.understudy.benchmarks.support.Control;
import io.github.understudy.benchmarks.support.LoadGenerator;
import io.github.understudy.benchmarks.support.Sleep;
import io.github.understudy.benchmarks.support.Threads;
import io.github.understudy.testkit.ClusterNode;
import io.github.understudy.testkit.NodeReport;
import io.github.understudy.testkit.ReplicationCluster;
import io.github.understudy.testkit.ServerTopology;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the end state of a segment from the servers (as root, directly) and from the JVM. */
final class FinalStateReader {

    private static final Logger LOG = LoggerFactory.getLogger(FinalStateReader.class);

    private static final Duration LEAK_WAIT = Duration.ofSeconds(10);

    private final ReplicationCluster cluster;

    FinalStateReader(ReplicationCluster cluster) {
        this.cluster = cluster;
    }

    /** Masters and rows, read while the instances are still open (they keep fencing and rejoining). */
    FinalState read() {
        ServerTopology topology = cluster.topology();
        List<Integer> masters = topology.masters().stream().map(r -> index(r.node())).toList();
        int finalMaster = masters.size() == 1 ? masters.get(0) : -1;
        Map<Long, Integer> onMaster = new HashMap<>();
        Map<Integer, Set<Long>> elsewhere = new LinkedHashMap<>();
        if (finalMaster >= 0) {
            ClusterNode master = cluster.nodes().get(finalMaster);
            Control.query(cluster, master, "SELECT request_id, COUNT(*) AS n FROM `" + cluster.database() + "`."
                    + LoadGenerator.TABLE + " GROUP BY request_id").forEach(row -> onMaster.put(
                    ((Number) row.get("request_id")).longValue(), ((Number) row.get("n")).intValue()));
            for (NodeReport report : topology.nodes()) {
                if (report.running() && index(report.node()) != finalMaster) {
                    elsewhere.put(index(report.node()), onlyOn(cluster.node(report.node()), onMaster.keySet()));
                }
            }
        }
        return new FinalState(masters, finalMaster, onMaster, elsewhere, List.of(), Map.of());
    }

    /** Adds what the closed instances left behind: threads, and sessions on the servers. */
    FinalState afterClose(FinalState state, List<String> threadPrefixes) {
        List<String> threads = Threads.awaitGone(threadPrefixes, LEAK_WAIT);
        if (!threads.isEmpty()) {
            LOG.warn("threads left {} after close:\n{}", LEAK_WAIT, Threads.stacks(threadPrefixes));
        }
        Map<String, Integer> sessions = new LinkedHashMap<>();
        Sleep.until(LEAK_WAIT, 250, () -> {
            sessions.clear();
            sessions.putAll(sessions());
            return sessions.values().stream().allMatch(n -> n == 0);
        });
        if (!sessions.values().stream().allMatch(n -> n == 0)) {
            LOG.warn("sessions left {} after close:\n{}", LEAK_WAIT, sessionDetails());
        }
        return new FinalState(state.masters(), state.finalMaster(), state.rowsOnMaster(), state.rowsElsewhere(),
                threads, sessions);
    }

    /** The sessions left, one line each: what they are doing tells which part of Understudy forgot them. */
    private String sessionDetails() {
        StringBuilder details = new StringBuilder();
        for (ClusterNode node : cluster.nodes()) {
            if (node.isRunning() && !node.isPaused()) {
                Control.query(cluster, node, "SELECT ID, USER, HOST, COMMAND, TIME, STATE, LEFT(INFO, 120) AS INFO "
                        + "FROM information_schema.PROCESSLIST WHERE USER IN (" + users() + ")")
                        .forEach(row -> details.append("  ").append(node.name()).append(' ').append(row).append('\n'));
            }
        }
        return details.toString();
    }

    private String users() {
        return "'" + cluster.applicationUser().user() + "', '" + cluster.adminUser().user() + "'";
    }

    private Map<String, Integer> sessions() {
        Map<String, Integer> sessions = new LinkedHashMap<>();
        String users = users();
        for (ClusterNode node : cluster.nodes()) {
            if (node.isRunning() && !node.isPaused()) {
                Number count = (Number) Control.query(cluster, node, "SELECT COUNT(*) AS n FROM "
                        + "information_schema.PROCESSLIST WHERE USER IN (" + users + ")").get(0).get("n");
                sessions.put(node.name() + " (application and admin users)", count.intValue());
            }
        }
        return sessions;
    }

    private Set<Long> onlyOn(ClusterNode node, Set<Long> onMaster) {
        Set<Long> ids = new HashSet<>();
        try {
            cluster.query(node, "SELECT request_id FROM `" + cluster.database() + "`." + LoadGenerator.TABLE)
                    .forEach(row -> ids.add(((Number) row.get("request_id")).longValue()));
        } catch (IllegalStateException e) {
            return Set.of(); // the table never reached this node
        }
        ids.removeAll(onMaster);
        return ids;
    }

    private int index(String name) {
        return cluster.nodes().indexOf(cluster.node(name));
    }
}
