package io.github.understudy.benchmarks.failover;

import io.github.understudy.HostAndPort;
import io.github.understudy.LagSource;
import io.github.understudy.UnderstudyConfig;
import io.github.understudy.UnderstudyDataSource;
import io.github.understudy.benchmarks.support.ClusterConfigs;
import io.github.understudy.benchmarks.support.EventLog;
import io.github.understudy.benchmarks.support.LoadGenerator;
import io.github.understudy.benchmarks.support.RequestLog;
import io.github.understudy.benchmarks.support.RoutingTrace;
import io.github.understudy.benchmarks.support.Sleep;
import io.github.understudy.event.MasterPromoted;
import io.github.understudy.event.ReplicaCaughtUp;
import io.github.understudy.event.ReplicaLagging;
import io.github.understudy.testkit.ClusterNode;
import io.github.understudy.testkit.ReplicationCluster;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One repetition of one fault: a fresh cluster topology (the test kit's reset), a new DataSource with the
 * default settings, a steady load, the fault, then the measurements. Every wait is bounded by
 * {@link Settings#timeout()}.
 */
final class Episode {

    private static final int CAPACITY = 1 << 20;

    /**
     * How the episodes run.
     *
     * @param writesPerSecond the load's writes
     * @param readsPerSecond  the load's reads
     * @param warmUp          load before the fault
     * @param observe         load after the fault's outcome (failures after recovery count too)
     * @param timeout         the most any phase may take
     * @param lagSource       how Understudy measures replica lag (its default: {@code SECONDS_BEHIND_MASTER})
     */
    record Settings(int writesPerSecond, int readsPerSecond, Duration warmUp, Duration observe, Duration timeout,
                    LagSource lagSource) {
    }

    private final ReplicationCluster cluster;
    private final Settings settings;
    private final AtomicLong ids = new AtomicLong();

    Episode(ReplicationCluster cluster, Settings settings) {
        this.cluster = cluster;
        this.settings = settings;
    }

    /**
     * What one repetition measured.
     *
     * @param metrics the measurements
     * @param errors  failed requests by SQLState and exception type, with the first message of each
     */
    record Outcome(Map<Metric, Double> metrics, Map<String, String> errors) {
    }

    Outcome run(Fault fault, int repetition) {
        cluster.reset();
        cluster.execute(cluster.node("n1"), LoadGenerator.createTable(cluster.database()));
        cluster.awaitReplicasCaughtUp();
        EventLog events = new EventLog();
        RoutingTrace trace = new RoutingTrace(cluster.addresses(), CAPACITY);
        RequestLog log = new RequestLog(CAPACITY);
        UnderstudyConfig config = ClusterConfigs.defaults(cluster, "failover" + repetition).listener(events)
                .metrics(trace).lagSource(settings.lagSource()).build();
        Observation.Builder observed = Observation.builder(fault, cluster.addresses(), config.maxReplicaLag());
        try (UnderstudyDataSource dataSource = new UnderstudyDataSource(config);
             LoadGenerator load = LoadGenerator.start(new LoadGenerator.Spec("load" + repetition,
                     settings.writesPerSecond(), settings.readsPerSecond(), 256), dataSource, cluster.database(), 0,
                     trace, log, ids)) {
            Sleep.millis(settings.warmUp().toMillis());
            inject(fault, observed, events, log);
            Sleep.millis(settings.observe().toMillis());
            int stuck = load.stop(config.socketTimeout().plusSeconds(5));
            observed.stuckAtEnd(stuck).end(System.nanoTime());
        } finally {
            cluster.nodes().stream().filter(ClusterNode::isPaused).forEach(ClusterNode::resume);
        }
        return new Outcome(Analysis.measure(observed.requests(log.requests()).events(events.all()).trace(trace)
                .build()), log.errorSummary());
    }

    private void inject(Fault fault, Observation.Builder observed, EventLog events, RequestLog log) {
        ClusterNode master = cluster.node("n1");
        ClusterNode replica = cluster.node("n2");
        switch (fault) {
            case MASTER_KILL -> {
                observed.victim(0).faultAt(System.nanoTime());
                master.kill();
                awaitNewMasterWrite(events, log);
            }
            case MASTER_HANG -> {
                observed.victim(0).faultAt(System.nanoTime());
                master.pause();
                awaitNewMasterWrite(events, log);
                master.resume(); // the hang ends: what the old master still had in flight shows now
            }
            case REPLICA_KILL -> {
                observed.victim(1).faultAt(System.nanoTime());
                replica.kill();
            }
            case REPLICA_LAG -> lag(replica, observed, events);
        }
    }

    private void awaitNewMasterWrite(EventLog events, RequestLog log) {
        Sleep.until(settings.timeout(), () -> events.of(MasterPromoted.class).stream().anyMatch(promoted -> {
            int index = cluster.addresses().indexOf(promoted.newMaster().toString());
            return log.requests().stream().anyMatch(r -> r.write() && r.ok() && r.node() == index);
        }));
    }

    private void lag(ClusterNode replica, Observation.Builder observed, EventLog events) {
        HostAndPort address = HostAndPort.parse(replica.address());
        Duration delay = observed.maxLag().plusSeconds(5);
        long fault = System.nanoTime();
        observed.victim(1).faultAt(fault);
        replica.delayReplication(delay);
        Sleep.until(settings.timeout(), () -> events.first(ReplicaLagging.class, fault,
                e -> e.node().equals(address) && e.lag() != null && e.lag().compareTo(observed.maxLag()) > 0)
                .isPresent());
        Sleep.millis(1000);
        replica.delayReplication(Duration.ZERO);
        long healed = System.nanoTime();
        observed.healedAt(healed);
        Sleep.until(settings.timeout(), () -> events.first(ReplicaCaughtUp.class, healed,
                e -> e.node().equals(address)).isPresent());
    }
}
