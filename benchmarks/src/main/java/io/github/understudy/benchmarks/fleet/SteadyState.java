package io.github.understudy.benchmarks.fleet;

import io.github.understudy.benchmarks.support.Control;
import io.github.understudy.benchmarks.support.ServerCounters;
import io.github.understudy.benchmarks.support.Sleep;
import io.github.understudy.testkit.ClusterNode;
import io.github.understudy.testkit.ReplicationCluster;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a fleet costs while nothing happens (no load): statements per second and connections on each node, from
 * the servers' own counters and process list, the instances' threads, and the child JVMs' CPU time.
 */
final class SteadyState {

    private SteadyState() {
    }

    static Map<String, Object> measure(ReplicationCluster cluster, ServerCounters counters, Fleet fleet,
                                       Duration window) {
        List<String> names = cluster.nodes().stream().map(ClusterNode::name).toList();
        Map<String, Map<String, Long>> before = counters.status(names);
        Duration cpuBefore = fleet.cpu();
        long started = System.nanoTime();
        Sleep.millis(window.toMillis());
        Map<String, Map<String, Long>> after = counters.status(names);
        double seconds = (System.nanoTime() - started) / 1e9;
        Duration cpuAfter = fleet.cpu();
        Map<String, Object> nodes = new LinkedHashMap<>();
        for (ClusterNode node : cluster.nodes()) {
            Map<String, Long> b = before.get(node.name());
            Map<String, Long> a = after.get(node.name());
            Map<String, Object> n = new LinkedHashMap<>();
            double perSecond = (ServerCounters.statements(a) - ServerCounters.statements(b)) / seconds;
            n.put("statementsPerSecond", perSecond);
            n.put("statementsPerSecondPerInstance", perSecond / fleet.size());
            n.put("threadsConnected", a.get("Threads_connected"));
            n.put("newConnections", a.get("Connections") - b.get("Connections"));
            n.put("adminSessions", Control.sessions(cluster, node, cluster.adminUser().user()));
            n.put("applicationSessions", Control.sessions(cluster, node, cluster.applicationUser().user()));
            n.put("statementsByCounter", ServerCounters.delta(Map.of(node.name(), b), Map.of(node.name(), a),
                    List.of("Threads_connected", "Connections")).get(node.name()));
            nodes.put(node.name(), n);
        }
        Map<String, Object> steady = new LinkedHashMap<>();
        steady.put("windowSeconds", seconds);
        steady.put("nodes", nodes);
        steady.put("threads", fleet.threads());
        steady.put("clientCpuMillisPerSecondPerInstance", cpuBefore == null || cpuAfter == null ? null
                : cpuAfter.minus(cpuBefore).toNanos() / 1e6 / seconds / fleet.size());
        return steady;
    }
}
