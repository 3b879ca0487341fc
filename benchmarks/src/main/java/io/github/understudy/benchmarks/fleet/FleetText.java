package io.github.understudy.benchmarks.fleet;

import static io.github.understudy.benchmarks.fleet.FleetReport.cell;
import static io.github.understudy.benchmarks.fleet.FleetReport.failovers;
import static io.github.understudy.benchmarks.fleet.FleetReport.map;

import io.github.understudy.benchmarks.results.MarkdownTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The fleet report's prose: the cost formula checked against the measurements, timelines and verdicts. */
final class FleetText {

    /** Statements one probe sends: the server's variables and its replica status. */
    static final int STATEMENTS_PER_PROBE = 2;

    private FleetText() {
    }

    /** The monitoring cost per instance per node as a formula, and the formula against each steady state. */
    static String formula(List<Map<String, Object>> points, FleetSettings settings) {
        MarkdownTable table = new MarkdownTable("instances", "healthy probes", "statements/s per instance per node: "
                + "formula", "measured (mean of nodes)", "connections per node: formula", "measured (mean of nodes)");
        for (Map<String, Object> p : points) {
            Map<String, Object> nodes = p.get("steady") == null ? null : map(map(p.get("steady")).get("nodes"));
            if (nodes == null) {
                continue;
            }
            double healthy = ((Number) p.get("healthyProbeIntervalMs")).doubleValue() / 1000;
            int instances = ((Number) p.get("instances")).intValue();
            table.row(instances, p.get("healthyProbeIntervalMs") + " ms", STATEMENTS_PER_PROBE / healthy,
                    mean(nodes, "statementsPerSecondPerInstance"), instances * (1 + settings.minIdle()),
                    meanSessions(nodes));
        }
        return """
                ## Monitoring cost per instance per node

                While every node is UP, each instance probes each node every `healthyProbeInterval` (±10%% jitter,
                which averages out) with %d statements (`SHOW GLOBAL VARIABLES …`, `SHOW SLAVE STATUS`) on one
                admin session, and its pool of that node's role keeps `minimumIdle` connections:

                - statements/s per instance per node = %d / healthyProbeInterval (4/s at the default 500 ms)
                - connections per instance per node = 1 + minimumIdle (here %d)

                A node that is not UP is probed every `probeInterval`; one that replicates from no one and is not
                the master followed adds one `SELECT` of its epoch row per probe.

                """.formatted(STATEMENTS_PER_PROBE, STATEMENTS_PER_PROBE, 1 + settings.minIdle()) + table.render();
    }

    private static double mean(Map<String, Object> nodes, String key) {
        return nodes.values().stream().mapToDouble(n -> ((Number) map(n).get(key)).doubleValue()).average()
                .orElse(Double.NaN);
    }

    private static double meanSessions(Map<String, Object> nodes) {
        return nodes.values().stream().mapToDouble(n -> ((Number) map(n).get("adminSessions")).doubleValue()
                + ((Number) map(n).get("applicationSessions")).doubleValue()).average().orElse(Double.NaN);
    }

    /** The promoted node, reading by reading, at the largest size of each healthy-probe setting. */
    static List<String> timelines(List<Map<String, Object>> points) {
        int largest = points.stream().mapToInt(p -> ((Number) p.get("instances")).intValue()).max().orElse(0);
        List<String> texts = new ArrayList<>();
        for (Map<String, Object> f : failovers(points)) {
            Map<String, Object> promoted = map(f.get("promotedNode"));
            if (((Number) f.get("instances")).intValue() != largest || promoted == null
                    || promoted.containsKey("missing")) {
                continue;
            }
            MarkdownTable table = new MarkdownTable("s from promotion", "connections", "new connections/s",
                    "statements/s");
            for (Object o : (List<?>) promoted.get("timeline")) {
                Map<String, Object> point = map(o);
                table.row(point.get("t"), point.get("connections"), point.get("newConnectionsPerSecond"),
                        point.get("statementsPerSecond"));
            }
            texts.add("## The promoted node " + promoted.get("node") + " around its promotion: " + largest
                    + " instances, " + f.get("fault") + ", healthy probes every " + f.get("healthyProbeIntervalMs")
                    + " ms\n\n" + table.render());
        }
        return texts;
    }

    /** The targets, each met or not, with the numbers. */
    static String verdicts(List<Map<String, Object>> points) {
        List<String> lines = new ArrayList<>();
        List<Map<String, Object>> failovers = failovers(points).stream().filter(f -> !f.containsKey("error")).toList();
        long notOne = failovers.stream().filter(f -> ((Number) f.get("promotions")).intValue() != 1).count();
        lines.add("- exactly one promotion per failover: " + (notOne == 0 ? "met" : "missed in " + notOne + " of "
                + failovers.size()));
        for (Map<String, Object> f : failovers) {
            Map<String, Object> follow = map(f.get("followFromPromotionMs"));
            double p99 = ((Number) follow.getOrDefault("p99", Double.NaN)).doubleValue();
            long missing = ((Number) follow.get("missing")).longValue();
            lines.add("- " + f.get("instances") + " instances, " + f.get("fault") + ", healthy probes every "
                    + f.get("healthyProbeIntervalMs") + " ms: p99 promotion → follow " + cell(p99) + " ms "
                    + (missing == 0 && p99 <= 1000 ? "(≤ 1 s: met)" : "(≤ 1 s: missed)") + "; last instance "
                    + cell(map(f.get("followFromFaultMs")).get("max")) + " ms after the fault"
                    + baseline(failovers, f));
        }
        int threads = points.stream().map(p -> map(p.get("steady"))).filter(Objects::nonNull)
                .flatMap(s -> ((List<?>) map(s.get("threads")).get("perInstance")).stream())
                .mapToInt(t -> ((Number) t).intValue()).max().orElse(0);
        lines.add("- threads per DataSource at rest ≤ 8: " + (threads <= 8 ? "met" : "missed") + " (at most "
                + threads + ")");
        return "## Targets (issue 14)\n\n" + String.join("\n", lines);
    }

    /** "; 1 instance: … ms (+ … ms)" against the same fault and probe setting at one instance. */
    private static String baseline(List<Map<String, Object>> failovers, Map<String, Object> f) {
        return failovers.stream().filter(b -> ((Number) b.get("instances")).intValue() == 1)
                .filter(b -> b.get("fault").equals(f.get("fault")))
                .filter(b -> b.get("healthyProbeIntervalMs").equals(f.get("healthyProbeIntervalMs")))
                .findFirst().map(b -> {
                    double one = ((Number) map(b.get("followFromFaultMs")).get("max")).doubleValue();
                    double all = ((Number) map(f.get("followFromFaultMs")).get("max")).doubleValue();
                    return " (1 instance: " + cell(one) + " ms; within it + 1 s: " + (all <= one + 1000 ? "met"
                            : "missed") + ")";
                }).orElse("");
    }
}
