package io.github.understudy.benchmarks.fleet;

import io.github.understudy.benchmarks.BenchOptions;
import io.github.understudy.benchmarks.results.Report;
import io.github.understudy.testkit.ReplicationCluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fleets: many application instances on one cluster (issue 14). For each size, instances spread over child JVMs,
 * each with its own DataSource: the steady-state cost on the servers and in the instances, then for each fault
 * how long every instance takes to send writes to the new master and what the failover costs the servers. Writes
 * {@code fleet.json}/{@code fleet.md} after each point, so a run cut short keeps what it measured.
 */
public final class FleetMain {

    private static final Logger LOG = LoggerFactory.getLogger(FleetMain.class);

    private FleetMain() {
    }

    /**
     * @param args {@code --key=value} options; see benchmarks/README.md
     * @return the exit status
     */
    public static int run(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args, FleetSettings.OPTIONS);
        FleetSettings settings = FleetSettings.of(options);
        if (settings.faults().isEmpty() || settings.sizes().isEmpty()) {
            throw new IllegalArgumentException("sizes and faults must not be empty");
        }
        Path logs = Path.of("target", "fleet-logs");
        try (ReplicationCluster cluster = ReplicationCluster.builder().name("fleet").replicas(2)
                .maxConnections(settings.maxConnections()).start()) {
            String servers = cluster.flavor() + " " + cluster.version() + ", 1 master + 2 replicas (test kit, "
                    + "loopback, instances connect to the servers directly), max_connections="
                    + cluster.query(cluster.node("n1"), "SELECT @@max_connections AS m").get(0).get("m");
            FleetEpisode episode = new FleetEpisode(cluster, settings, logs);
            List<Map<String, Object>> points = new ArrayList<>();
            Report report = null;
            for (int size : settings.sizes()) {
                points.add(point(episode, size, FleetSettings.defaultHealthy(), settings.faults(), settings));
                report = write(points, options, settings, servers);
            }
            if (!settings.slowHealthy().isZero() && !settings.slowFaults().isEmpty()) {
                int largest = settings.sizes().stream().mapToInt(Integer::intValue).max().orElseThrow();
                points.add(point(episode, largest, settings.slowHealthy(), settings.slowFaults(), settings));
                report = write(points, options, settings, servers);
            }
            System.out.println(report.markdown());
        }
        return 0;
    }

    private static Map<String, Object> point(FleetEpisode episode, int size, Duration healthy,
                                             List<FleetFault> faults, FleetSettings settings) {
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("instances", size);
        point.put("jvms", Math.min(settings.jvms(), size));
        point.put("healthyProbeIntervalMs", healthy.toMillis());
        List<Map<String, Object>> failovers = new ArrayList<>();
        for (FleetFault fault : faults) {
            LOG.info("fleet of {} (healthy probes every {} ms): {}", size, healthy.toMillis(), fault.label());
            try {
                FleetEpisode.Outcome outcome = episode.run(size, healthy, fault, !point.containsKey("steady"));
                if (outcome.steady() != null) {
                    point.put("steady", outcome.steady());
                }
                Map<String, Object> measured = FleetAnalysis.measure(outcome.observed(),
                        settings.firstSeconds().toNanos());
                LOG.info("fleet of {}, {}: {}", size, fault.label(), measured);
                failovers.add(measured);
            } catch (Exception e) {
                LOG.error("fleet of {}, {} failed", size, fault.label(), e);
                failovers.add(Map.of("fault", fault.label(), "instances", size, "healthyProbeIntervalMs",
                        healthy.toMillis(), "error", String.valueOf(e)));
            }
        }
        point.put("failovers", failovers);
        return point;
    }

    private static Report write(List<Map<String, Object>> points, BenchOptions options, FleetSettings settings,
                                String servers) {
        Report report = FleetReport.build(points, options, settings, servers);
        LOG.info("fleet results written to {}", report.write());
        return report;
    }
}
