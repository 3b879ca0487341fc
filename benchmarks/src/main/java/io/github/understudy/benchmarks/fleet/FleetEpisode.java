package io.github.understudy.benchmarks.fleet;

import io.github.understudy.benchmarks.support.ClusterAccess;
import io.github.understudy.benchmarks.support.LoadGenerator;
import io.github.understudy.benchmarks.support.ServerCounters;
import io.github.understudy.benchmarks.support.Sleep;
import io.github.understudy.testkit.ClusterNode;
import io.github.understudy.testkit.ReplicationCluster;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One point of one fault: a fresh topology (the test kit's reset), a new fleet of {@code size} instances in child
 * JVMs, optionally the steady-state measurement, then a steady load of writes, the fault, and what followed.
 */
final class FleetEpisode {

    private static final Duration SAMPLE_EVERY = Duration.ofMillis(250);
    private static final Duration AFTER_FOLLOW = Duration.ofSeconds(2);

    /**
     * What one episode saw; {@link FleetAnalysis} turns it into numbers.
     *
     * @param fault             the fault
     * @param size              instances
     * @param healthy           their {@code healthyProbeInterval}
     * @param addresses         node name to the {@code host:port} instances use
     * @param faultAt           when the fault was injected (the switchover called)
     * @param followedAllAt     when the launcher saw every instance on the new master, 0 if never
     * @param connectionsBefore per node, {@code Connections} before the fault
     * @param connectionsAfter  per node that answered, {@code Connections} at the end of the observation
     * @param samples           the nodes' counters every {@link #SAMPLE_EVERY}
     * @param report            the children's report lines
     * @param stuck             writes still running when the load stopped
     * @param threadsLeft       instance threads left after closing (-1: unknown)
     */
    record Observation(FleetFault fault, int size, Duration healthy, Map<String, String> addresses, long faultAt,
                       long followedAllAt, Map<String, Long> connectionsBefore, Map<String, Long> connectionsAfter,
                       List<NodeSampler.Sample> samples, List<String> report, int stuck, int threadsLeft) {
    }

    /**
     * @param steady the steady state, null when not measured
     * @param observed what the fault did
     */
    record Outcome(Map<String, Object> steady, Observation observed) {
    }

    private final ReplicationCluster cluster;
    private final FleetSettings settings;
    private final Path logs;

    FleetEpisode(ReplicationCluster cluster, FleetSettings settings, Path logs) {
        this.cluster = cluster;
        this.settings = settings;
        this.logs = logs;
    }

    Outcome run(int size, Duration healthy, FleetFault fault, boolean steady) throws SQLException {
        cluster.reset();
        cluster.execute(cluster.node("n1"), LoadGenerator.createTable(cluster.database()));
        cluster.awaitReplicasCaughtUp();
        Map<String, String> addresses = new LinkedHashMap<>();
        cluster.nodes().forEach(n -> addresses.put(n.name(), n.host() + ":" + n.serverPort()));
        Path episodeLogs = logs.resolve(size + "-" + healthy.toMillis() + "ms-" + fault.label());
        try (Fleet fleet = Fleet.launch(ClusterAccess.direct(cluster), settings, size, healthy, episodeLogs);
             ServerCounters counters = new ServerCounters(cluster, cluster.nodes())) {
            Sleep.millis(settings.settle().toMillis());
            Map<String, Object> measured = steady ? SteadyState.measure(cluster, counters, fleet, settings.window())
                    : null;
            fleet.startLoad(settings.writesPerSecond());
            Sleep.millis(settings.warmUp().toMillis());
            return new Outcome(measured, inject(fleet, counters, size, healthy, fault, addresses));
        } finally {
            cluster.nodes().stream().filter(ClusterNode::isPaused).forEach(ClusterNode::resume);
        }
    }

    private Observation inject(Fleet fleet, ServerCounters counters, int size, Duration healthy, FleetFault fault,
                               Map<String, String> addresses) {
        List<String> names = List.copyOf(addresses.keySet());
        Map<String, Long> before = connections(counters.status(names));
        ClusterNode master = cluster.node("n1");
        long faultAt;
        long followed;
        List<NodeSampler.Sample> samples;
        try (NodeSampler sampler = new NodeSampler(counters, names, SAMPLE_EVERY)) {
            Sleep.millis(SAMPLE_EVERY.toMillis() * 2); // readings from before the fault
            if (fault != FleetFault.SWITCHOVER) {
                sampler.leaveOut(master.name());
            }
            faultAt = System.nanoTime();
            switch (fault) {
                case MASTER_KILL -> master.kill();
                case MASTER_HANG -> master.pause();
                case SWITCHOVER -> fleet.switchover(addresses.get("n2"));
            }
            followed = awaitFollowed(fleet, addresses.get("n1"), fault == FleetFault.SWITCHOVER
                    ? addresses.get("n2") : null);
            if (fault == FleetFault.MASTER_HANG) {
                master.resume(); // the hang ends: the fleet must fence it once and rejoin it once
                sampler.takeIn(master.name());
            }
            long end = Math.max(faultAt + settings.observe().toNanos(),
                    (followed == 0 ? System.nanoTime() : followed) + AFTER_FOLLOW.toNanos());
            Sleep.millis(Math.max(0, (end - System.nanoTime()) / 1_000_000));
            samples = sampler.samples();
        }
        List<String> answering = names.stream().filter(n -> cluster.node(n).isRunning()).toList();
        Map<String, Long> after = connections(counters.status(answering));
        int stuck = fleet.stopLoad(Duration.ofSeconds(35));
        List<String> report = fleet.report(faultAt - Duration.ofSeconds(1).toNanos());
        int left = fleet.closeAndCountLeft();
        return new Observation(fault, size, healthy, addresses, faultAt, followed, before, after, samples, report,
                stuck, left);
    }

    /**
     * Waits until every instance writes to one node that is not {@code oldMaster} ({@code expected} when given).
     *
     * @return when the launcher saw it, 0 when it did not happen within the timeout
     */
    private long awaitFollowed(Fleet fleet, String oldMaster, String expected) {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        while (System.nanoTime() < deadline) {
            List<String> targets = fleet.targets();
            String first = targets.get(0);
            boolean one = targets.stream().allMatch(first::equals) && !first.isEmpty() && !first.equals(oldMaster);
            if (one && (expected == null || expected.equals(first))) {
                return System.nanoTime();
            }
            Sleep.millis(100);
        }
        return 0;
    }

    private static Map<String, Long> connections(Map<String, Map<String, Long>> status) {
        Map<String, Long> connections = new LinkedHashMap<>();
        status.forEach((node, counters) -> connections.put(node, counters.get("Connections")));
        return connections;
    }
}
