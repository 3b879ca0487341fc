package io.github.understudy.benchmarks.scale;

import io.github.understudy.benchmarks.BenchOptions;
import io.github.understudy.benchmarks.results.MarkdownTable;
import io.github.understudy.benchmarks.results.Report;
import io.github.understudy.testkit.ReplicationCluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Monitoring cost as the topology grows: one real cluster per size (1+2 … 1+8 replicas, tiny servers), one
 * DataSource with the default settings on each; writes {@code scale.json}/{@code scale.md} with how each cost
 * grows per added node.
 */
public final class ScaleMain {

    private static final Logger LOG = LoggerFactory.getLogger(ScaleMain.class);
    private static final Set<String> OPTIONS = Set.of("replicas", "window", "loadWindow");

    private ScaleMain() {
    }

    /**
     * @param args {@code --key=value} options; see benchmarks/README.md
     * @return the exit status
     */
    public static int run(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args, OPTIONS);
        List<Map<String, Object>> points = new ArrayList<>();
        String servers = "";
        for (int replicas : options.integers("replicas", List.of(2, 4, 6, 8))) {
            try (ReplicationCluster cluster = ReplicationCluster.builder().name("scale").replicas(replicas).start()) {
                servers = cluster.flavor() + " " + cluster.version();
                Map<String, Object> point = new ScalePoint(cluster, options.duration("window", Duration.ofSeconds(10)),
                        options.duration("loadWindow", Duration.ofSeconds(5))).measure();
                LOG.info("1+{}: {}", replicas, point);
                points.add(point);
            }
        }
        Report report = report(points, options, servers);
        LOG.info("scale results written to {}", report.write());
        System.out.println(report.markdown());
        return 0;
    }

    private static Report report(List<Map<String, Object>> points, BenchOptions options, String servers) {
        MarkdownTable table = new MarkdownTable("nodes", "monitor threads", "pool threads", "JVM threads added",
                "admin sessions", "probes / interval", "statements / interval", "monitor CPU ms/s",
                "requests under load", "threads created under load", "threads left after close");
        for (Map<String, Object> p : points) {
            table.row(p.get("nodes"), p.get("monitorThreads"), p.get("poolThreads"), p.get("threadsAddedToJvm"),
                    p.get("adminSessions"), p.get("probesPerInterval"), p.get("statementsPerInterval"),
                    p.get("monitorCpuMillisPerSecond"), p.get("requestsUnderLoad"), p.get("threadsCreatedUnderLoad"),
                    p.get("threadsLeftAfterClose"));
        }
        return new Report("scale", "Monitoring cost as the topology grows")
                .meta("options", options.given())
                .meta("servers", servers + " (test kit, tiny servers, loopback); Understudy defaults (probeInterval "
                        + "500 ms)")
                .table("Cost per cluster size", table)
                .text(growth(points))
                .data("points", points);
    }

    /** How each cost grows per added node, from the smallest to the largest cluster measured. */
    static String growth(List<Map<String, Object>> points) {
        if (points.size() < 2) {
            return "One cluster size measured: no growth to report.";
        }
        Map<String, Object> first = points.get(0);
        Map<String, Object> last = points.get(points.size() - 1);
        double nodes = number(last, "nodes") - number(first, "nodes");
        return String.format(Locale.ROOT, "Growth per added node (from %d to %d nodes): %.2f monitor threads, %.2f "
                + "pool threads, %.2f JVM threads, %.2f admin sessions, %.2f probes and %.2f statements per probe "
                + "interval, %.3f ms/s of monitor CPU. Threads created while serving %d requests on the largest "
                + "cluster: %d (a thread per request would show about as many as requests).",
                (int) number(first, "nodes"), (int) number(last, "nodes"),
                slope(first, last, "monitorThreads", nodes), slope(first, last, "poolThreads", nodes),
                slope(first, last, "threadsAddedToJvm", nodes), slope(first, last, "adminSessions", nodes),
                slope(first, last, "probesPerInterval", nodes), slope(first, last, "statementsPerInterval", nodes),
                slope(first, last, "monitorCpuMillisPerSecond", nodes), (int) number(last, "requestsUnderLoad"),
                (int) number(last, "threadsCreatedUnderLoad"));
    }

    private static double slope(Map<String, Object> first, Map<String, Object> last, String key, double nodes) {
        return (number(last, key) - number(first, key)) / nodes;
    }

    private static double number(Map<String, Object> point, String key) {
        return ((Number) point.get(key)).doubleValue();
    }
}
