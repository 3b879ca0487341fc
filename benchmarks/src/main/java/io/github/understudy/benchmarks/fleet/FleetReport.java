package io.github.understudy.benchmarks.fleet;

import io.github.understudy.benchmarks.BenchOptions;
import io.github.understudy.benchmarks.results.MarkdownTable;
import io.github.understudy.benchmarks.results.Report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** The fleet benchmark's tables: steady state per size, each failover, the promoted node's first seconds. */
final class FleetReport {

    private static final List<String> NODES = List.of("n1", "n2", "n3");

    private FleetReport() {
    }

    static Report build(List<Map<String, Object>> points, BenchOptions options, FleetSettings settings,
                        String servers) {
        Report report = new Report("fleet", "Fleets: many application instances on one cluster")
                .meta("options", options.given())
                .meta("servers", servers)
                .meta("instances", "each an UnderstudyDataSource with the defaults but pools of at most "
                        + settings.poolSize() + " (" + settings.minIdle() + " idle), probeInterval "
                        + FleetSettings.probeInterval().toMillis() + " ms; spread over up to " + settings.jvms()
                        + " child JVMs (" + String.join(" ", settings.childJvmOptions()) + "); " + settings.writesPerSecond()
                        + " writes/s each during a fault")
                .table("Steady state (no load)", steady(points, settings))
                .text(FleetText.formula(points, settings))
                .table("Failover: time for every instance to send writes to the new master", follow(points))
                .table("Failover: cost", cost(points));
        FleetText.timelines(points).forEach(report::text);
        return report.text(FleetText.verdicts(points)).data("points", points);
    }

    private static MarkdownTable steady(List<Map<String, Object>> points, FleetSettings settings) {
        MarkdownTable table = new MarkdownTable("instances", "JVMs", "healthy probes", "statements/s n1 / n2 / n3",
                "per instance per node", "connections n1 / n2 / n3 (admin + app)", "Threads_connected n1",
                "threads per instance (named, max)", "JVM threads added per instance", "client CPU ms/s per instance");
        for (Map<String, Object> p : points) {
            Map<String, Object> s = map(p.get("steady"));
            if (s == null) {
                continue;
            }
            Map<String, Object> nodes = map(s.get("nodes"));
            Map<String, Object> threads = map(s.get("threads"));
            table.row(p.get("instances"), p.get("jvms"), p.get("healthyProbeIntervalMs") + " ms",
                    perNode(nodes, n -> n.get("statementsPerSecond")),
                    perNode(nodes, n -> n.get("statementsPerSecondPerInstance")),
                    perNode(nodes, n -> ((Number) n.get("adminSessions")).intValue()
                            + ((Number) n.get("applicationSessions")).intValue()),
                    map(nodes.get("n1")).get("threadsConnected"),
                    ((List<?>) threads.get("perInstance")).stream().mapToInt(t -> ((Number) t).intValue()).max()
                            .orElse(0),
                    threads.get("jvmAddedPerInstance"), s.get("clientCpuMillisPerSecondPerInstance"));
        }
        return table;
    }

    private static MarkdownTable follow(List<Map<String, Object>> points) {
        MarkdownTable table = new MarkdownTable("instances", "healthy probes", "fault", "promotions",
                "fault → promotion ms", "fault → follow ms min / median / p99 / max",
                "promotion → follow ms min / median / p99 / max", "never followed");
        for (Map<String, Object> f : failovers(points)) {
            if (f.containsKey("error")) {
                table.row(f.get("instances"), f.get("healthyProbeIntervalMs") + " ms", f.get("fault"),
                        "failed: " + f.get("error"), "", "", "", "");
                continue;
            }
            table.row(f.get("instances"), f.get("healthyProbeIntervalMs") + " ms", f.get("fault"),
                    f.get("promotions"), f.get("faultToPromotionMs"), spread(map(f.get("followFromFaultMs"))),
                    spread(map(f.get("followFromPromotionMs"))), f.get("instancesNeverFollowed"));
        }
        return table;
    }

    private static MarkdownTable cost(List<Map<String, Object>> points) {
        MarkdownTable table = new MarkdownTable("instances", "healthy probes", "fault",
                "failed writes per instance median / max (total)", "new connections n1 / n2 / n3",
                "per instance n1 / n2 / n3", "promoted node: connections before → peak",
                "promoted node: statements/s in the first 5 s (peak)", "fenced / rejoined",
                "peak threads per instance");
        for (Map<String, Object> f : failovers(points)) {
            if (f.containsKey("error")) {
                continue;
            }
            Map<String, Object> failed = map(f.get("failedWritesPerInstance"));
            Map<String, Object> connections = map(f.get("newConnections"));
            Map<String, Object> promoted = map(f.get("promotedNode"));
            Map<String, Object> events = map(f.get("eventsAcrossFleet"));
            table.row(f.get("instances"), f.get("healthyProbeIntervalMs") + " ms", f.get("fault"),
                    cell(failed.get("median")) + " / " + cell(failed.get("max")) + " (" + cell(f.get("writesFailed"))
                            + ")",
                    perNode(connections, n -> n.get("total")), perNode(connections, n -> n.get("perInstance")),
                    promoted == null || promoted.containsKey("missing") ? "–"
                            : cell(promoted.get("connectionsBefore")) + " → " + cell(promoted.get("peakConnections")),
                    promoted == null || promoted.containsKey("missing") ? "–"
                            : cell(promoted.get("statementsPerSecond")) + " (" + cell(promoted.get(
                            "peakStatementsPerSecond")) + ")",
                    cell(events.getOrDefault("NodeFenced", 0)) + " / " + cell(events.getOrDefault("NodeRejoined", 0)),
                    cell(map(f.get("peakThreadsPerInstance")).get("max")));
        }
        return table;
    }

    static List<Map<String, Object>> failovers(List<Map<String, Object>> points) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (Map<String, Object> p : points) {
            for (Object f : (List<?>) p.get("failovers")) {
                all.add(map(f));
            }
        }
        return all;
    }

    private static String spread(Map<String, Object> d) {
        return cell(d.get("min")) + " / " + cell(d.get("median")) + " / " + cell(d.get("p99")) + " / "
                + cell(d.get("max")) + (((Number) d.get("missing")).intValue() > 0 ? " (" + d.get("missing")
                + " missing)" : "");
    }

    private static String perNode(Map<String, Object> nodes, Function<Map<String, Object>, Object> value) {
        List<String> cells = new ArrayList<>();
        for (String node : NODES) {
            Map<String, Object> n = map(nodes.get(node));
            cells.add(n == null ? "–" : cell(value.apply(n)));
        }
        return String.join(" / ", cells);
    }

    static String cell(Object value) {
        if (value instanceof Double d && !d.isNaN() && Math.abs(d) >= 10) {
            return String.format(Locale.ROOT, "%,.0f", d);
        }
        return MarkdownTable.format(value);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
