package io.github.understudy.micrometer;

import io.github.understudy.HostAndPort;
import io.github.understudy.ReplicaCandidate;
import io.github.understudy.Role;
import io.github.understudy.UnderstudyMetrics;

import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * What one Understudy DataSource routes, in Micrometer (every meter tagged {@code datasource}):
 * <ul>
 *   <li>{@code understudy.routed} (counter; tags {@code node}, {@code role} = master|replica|unknown, {@code kind} =
 *       read|write): connections borrowed from a node's pool for statements;</li>
 *   <li>{@code understudy.master.wait} (timer; tag {@code outcome} = found|timeout): how long writes (and reads that
 *       must run on the master) took to get a master connection; microseconds normally, up to
 *       {@code masterWaitTimeout} while a master is replaced;</li>
 *   <li>{@code understudy.routing.failures} (counter; tag {@code sqlstate}): the typed errors Understudy gave the
 *       application: 08001 no usable node, 08S02 a read-only transaction's server died, 08007 commit outcome
 *       unknown;</li>
 *   <li>{@code understudy.reads.retried} (counter; tag {@code node}, the replica that failed): auto-commit reads run
 *       again elsewhere;</li>
 *   <li>{@code understudy.node.breaker} (gauge; tags {@code node}, {@code state} = closed|open|half_open): 1 for the
 *       state of the node's circuit breaker, else 0;</li>
 *   <li>{@code understudy.node.probe.latency} (gauge, seconds; tag {@code node}): the moving average of the node's
 *       probe latency;</li>
 *   <li>HikariCP's {@code hikaricp.*} meters of every node's pool (tag {@code pool} =
 *       {@code <datasource>-<host:port>}), whose figures {@link #poolUsage()} adds up.</li>
 * </ul>
 * Each call is a map lookup and an increment once its meter exists.
 */
public final class MicrometerUnderstudyMetrics implements UnderstudyMetrics {

    private final MeterRegistry registry;
    private final Tags tags;
    private final PoolUsage poolUsage;
    private final Timer masterFound;
    private final Timer masterTimeout;
    private final ConcurrentMap<Route, Counter> routed = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Counter> failures = new ConcurrentHashMap<>();
    private final ConcurrentMap<HostAndPort, Counter> retries = new ConcurrentHashMap<>();
    private final ConcurrentMap<HostAndPort, BreakerState> breakers = new ConcurrentHashMap<>();

    /**
     * Creates the metrics.
     *
     * @param registry where the meters go
     * @param dataSourceName the {@code datasource} tag: the DataSource's {@code name}
     */
    public MicrometerUnderstudyMetrics(MeterRegistry registry, String dataSourceName) {
        this.registry = registry;
        this.tags = Tags.of("datasource", dataSourceName);
        this.poolUsage = new PoolUsage(new MicrometerMetricsTrackerFactory(registry));
        this.masterFound = masterWait("found");
        this.masterTimeout = masterWait("timeout");
    }

    @Override
    public void routed(HostAndPort node, Role role, boolean write) {
        Route route = new Route(node, role, write);
        Counter counter = routed.get(route);
        if (counter == null) {
            counter = routed.computeIfAbsent(route, r -> Counter.builder("understudy.routed")
                    .description("Connections borrowed from a node's pool for statements, by role and kind of work")
                    .tags(tags).tag("node", r.node().toString()).tag("role", lower(r.role().name()))
                    .tag("kind", r.write() ? "write" : "read").register(registry));
        }
        counter.increment();
    }

    @Override
    public void masterWaited(long nanos, boolean found) {
        (found ? masterFound : masterTimeout).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void routingFailed(String sqlState) {
        String state = sqlState == null ? "none" : sqlState;
        failures.computeIfAbsent(state, s -> Counter.builder("understudy.routing.failures")
                .description("Typed errors Understudy gave the application, by SQLState")
                .tags(tags).tag("sqlstate", s).register(registry)).increment();
    }

    @Override
    public void readRetried(HostAndPort failed) {
        retries.computeIfAbsent(failed, node -> Counter.builder("understudy.reads.retried")
                .description("Auto-commit reads run again on another node after their replica failed")
                .tags(tags).tag("node", node.toString()).register(registry)).increment();
    }

    @Override
    public void breakerChanged(HostAndPort node, BreakerState state) {
        if (breakers.put(node, state) == null) {
            for (BreakerState each : BreakerState.values()) {
                Gauge.builder("understudy.node.breaker", breakers, b -> b.get(node) == each ? 1 : 0)
                        .description("1 when the node's circuit breaker is in this state, else 0")
                        .tags(tags).tag("node", node.toString()).tag("state", lower(each.name())).register(registry);
            }
        }
    }

    @Override
    public void nodeAdded(ReplicaCandidate node) {
        Gauge.builder("understudy.node.probe.latency", node, n -> n.latencyNanos() / 1e9)
                .description("Moving average of the latency of the node's health probes")
                .baseUnit("seconds").tags(tags).tag("node", node.address().toString()).register(registry);
    }

    /** {@return HikariCP's Micrometer tracker for the pool of every node, which also feeds {@link #poolUsage()}} */
    @Override
    public MetricsTrackerFactory poolMetrics() {
        return poolUsage;
    }

    /** {@return the connections of every node's pool of this DataSource, added up} */
    public PoolUsage poolUsage() {
        return poolUsage;
    }

    private Timer masterWait(String outcome) {
        return Timer.builder("understudy.master.wait")
                .description("How long writes took to get a master connection, or to give up")
                .tags(tags).tag("outcome", outcome).register(registry);
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private record Route(HostAndPort node, Role role, boolean write) {
    }
}
