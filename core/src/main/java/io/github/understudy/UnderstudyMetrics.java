package io.github.understudy;

import com.zaxxer.hikari.metrics.MetricsTrackerFactory;

/**
 * Where Understudy reports what it routes. Core ships only the no-op; the Spring Boot starter binds it to
 * Micrometer. Node states, lag and failovers are read from {@link UnderstudyDataSource#topology()} and from
 * {@link UnderstudyListener events}, so they need nothing here.
 */
public interface UnderstudyMetrics {

    /**
     * A connection was borrowed from {@code node}'s pool for a statement. Called on the request path: keep it
     * cheap (no I/O, no locks).
     *
     * @param node  the node
     * @param role  its role when it was chosen
     * @param write whether it was for a write (or unflagged work) rather than a read
     */
    void routed(HostAndPort node, Role role, boolean write);

    /**
     * HikariCP metrics for every node's pool (each pool is named {@code <dataSourceName>-<host:port>}).
     *
     * @return a HikariCP metrics tracker factory, or null for none
     */
    default MetricsTrackerFactory poolMetrics() {
        return null;
    }

    /** @return metrics that go nowhere: the default */
    static UnderstudyMetrics noop() {
        return (node, role, write) -> {
        };
    }
}
