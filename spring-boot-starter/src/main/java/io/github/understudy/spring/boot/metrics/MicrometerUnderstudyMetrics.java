package io.github.understudy.spring.boot.metrics;

import io.github.understudy.HostAndPort;
import io.github.understudy.Role;
import io.github.understudy.UnderstudyMetrics;

import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Understudy's routing and pool metrics in Micrometer: the counter {@code understudy.routed} (tags
 * {@code datasource}, {@code node}, {@code role} = master|replica|unknown, {@code kind} = read|write) and
 * HikariCP's {@code hikaricp.*} meters of every node's pool (tag {@code pool} = {@code <datasource>-<host:port>}).
 */
public final class MicrometerUnderstudyMetrics implements UnderstudyMetrics {

    private final MeterRegistry registry;
    private final String dataSourceName;
    private final MetricsTrackerFactory poolMetrics;
    private final ConcurrentMap<Route, Counter> counters = new ConcurrentHashMap<>();

    /**
     * Creates the metrics.
     *
     * @param registry where the meters go
     * @param dataSourceName the {@code datasource} tag
     */
    public MicrometerUnderstudyMetrics(MeterRegistry registry, String dataSourceName) {
        this.registry = registry;
        this.dataSourceName = dataSourceName;
        this.poolMetrics = new MicrometerMetricsTrackerFactory(registry);
    }

    /** Counts one routed statement; after the first call per route, a map lookup and an increment. */
    @Override
    public void routed(HostAndPort node, Role role, boolean write) {
        Route route = new Route(node, role, write);
        Counter counter = counters.get(route);
        if (counter == null) {
            counter = counters.computeIfAbsent(route, this::register);
        }
        counter.increment();
    }

    /** {@return HikariCP's Micrometer tracker, for the pool of every node} */
    @Override
    public MetricsTrackerFactory poolMetrics() {
        return poolMetrics;
    }

    private Counter register(Route route) {
        return Counter.builder("understudy.routed")
                .description("Connections borrowed from a node's pool for statements, by role and kind of work")
                .tag("datasource", dataSourceName)
                .tag("node", route.node().toString())
                .tag("role", route.role().name().toLowerCase(Locale.ROOT))
                .tag("kind", route.write() ? "write" : "read")
                .register(registry);
    }

    private record Route(HostAndPort node, Role role, boolean write) {
    }
}
