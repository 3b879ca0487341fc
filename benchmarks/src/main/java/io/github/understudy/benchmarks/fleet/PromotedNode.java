package io.github.understudy.benchmarks.fleet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the promoted node went through around its promotion, from the launcher's readings of its counters: open
 * connections, new connections and statements per second, reading by reading, and over the first seconds.
 */
final class PromotedNode {

    private static final long BEFORE = 1_000_000_000L;

    private PromotedNode() {
    }

    /**
     * @param samples    every reading of every node
     * @param node       the promoted node's name
     * @param promotedAt when it was promoted
     * @param first      how long after the promotion to look
     * @return the summary over the first seconds and the timeline from 1 s before the promotion
     */
    static Map<String, Object> measure(List<NodeSampler.Sample> samples, String node, long promotedAt, long first) {
        List<NodeSampler.Sample> own = samples.stream().filter(s -> s.node().equals(node))
                .sorted(java.util.Comparator.comparingLong(NodeSampler.Sample::nanos)).toList();
        Map<String, Object> m = new LinkedHashMap<>();
        NodeSampler.Sample start = null;
        NodeSampler.Sample end = null;
        long peak = 0;
        List<Map<String, Object>> timeline = new ArrayList<>();
        for (int i = 0; i < own.size(); i++) {
            NodeSampler.Sample s = own.get(i);
            if (s.nanos() <= promotedAt) {
                start = s;
            } else if (s.nanos() <= promotedAt + first) {
                end = s;
                peak = Math.max(peak, s.threadsConnected());
            }
            if (i > 0 && s.nanos() >= promotedAt - BEFORE && s.nanos() <= promotedAt + first) {
                timeline.add(point(own.get(i - 1), s, promotedAt));
            }
        }
        if (start == null || end == null) {
            m.put("missing", "no reading of " + node + " around its promotion");
            return m;
        }
        double seconds = (end.nanos() - start.nanos()) / 1e9;
        m.put("node", node);
        m.put("connectionsBefore", start.threadsConnected());
        m.put("peakConnections", peak);
        m.put("connectionsAtEnd", end.threadsConnected());
        m.put("seconds", seconds);
        m.put("newConnections", end.connections() - start.connections());
        m.put("statementsPerSecond", (end.statements() - start.statements()) / seconds);
        m.put("peakStatementsPerSecond", timeline.stream().filter(p -> (double) p.get("t") > 0)
                .mapToDouble(p -> (double) p.get("statementsPerSecond")).max().orElse(Double.NaN));
        m.put("timeline", timeline);
        return m;
    }

    private static Map<String, Object> point(NodeSampler.Sample previous, NodeSampler.Sample s, long promotedAt) {
        double dt = (s.nanos() - previous.nanos()) / 1e9;
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("t", (s.nanos() - promotedAt) / 1e9);
        p.put("connections", s.threadsConnected());
        p.put("newConnectionsPerSecond", (s.connections() - previous.connections()) / dt);
        p.put("statementsPerSecond", (s.statements() - previous.statements()) / dt);
        return p;
    }
}
