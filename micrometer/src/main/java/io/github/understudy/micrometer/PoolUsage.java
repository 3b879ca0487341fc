package io.github.understudy.micrometer;

import com.zaxxer.hikari.metrics.IMetricsTracker;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.metrics.PoolStats;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The connections of all the node pools of one DataSource, added up: what Spring Boot's {@code jdbc.connections.*}
 * meters show for it. It sees the pools through HikariCP's metrics tracker factory (each pool announces itself when
 * it opens and closes its tracker when it closes), so pools that come and go with a change of master are counted
 * exactly while they live. Reads are lock-free sums over the live pools' own figures.
 */
public final class PoolUsage implements MetricsTrackerFactory {

    private final MetricsTrackerFactory delegate;
    private final Map<String, PoolStats> live = new ConcurrentHashMap<>();

    /**
     * Creates the view.
     *
     * @param delegate the factory whose trackers record each pool's own meters (HikariCP's Micrometer one)
     */
    public PoolUsage(MetricsTrackerFactory delegate) {
        this.delegate = delegate;
    }

    @Override
    public IMetricsTracker create(String poolName, PoolStats poolStats) {
        IMetricsTracker tracker = delegate.create(poolName, poolStats);
        live.put(poolName, poolStats);
        return new IMetricsTracker() {
            @Override
            public void recordConnectionCreatedMillis(long millis) {
                tracker.recordConnectionCreatedMillis(millis);
            }

            @Override
            public void recordConnectionAcquiredNanos(long nanos) {
                tracker.recordConnectionAcquiredNanos(nanos);
            }

            @Override
            public void recordConnectionUsageMillis(long millis) {
                tracker.recordConnectionUsageMillis(millis);
            }

            @Override
            public void recordConnectionTimeout() {
                tracker.recordConnectionTimeout();
            }

            @Override
            public void close() {
                live.remove(poolName, poolStats);
                tracker.close();
            }
        };
    }

    /** {@return connections in use now, over every open pool} */
    public int active() {
        return live.values().stream().mapToInt(PoolStats::getActiveConnections).sum();
    }

    /** {@return idle connections now, over every open pool} */
    public int idle() {
        return live.values().stream().mapToInt(PoolStats::getIdleConnections).sum();
    }

    /** {@return the most connections the open pools may hold together} */
    public int max() {
        return live.values().stream().mapToInt(PoolStats::getMaxConnections).sum();
    }

    /** {@return the idle connections the open pools keep together} */
    public int min() {
        return live.values().stream().mapToInt(PoolStats::getMinConnections).sum();
    }

    /** {@return how many pools are open} */
    public int pools() {
        return live.size();
    }
}
