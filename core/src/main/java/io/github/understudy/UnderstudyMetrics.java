package io.github.understudy;

import com.zaxxer.hikari.metrics.MetricsTrackerFactory;

/**
 * Where Understudy reports what it routes. Core ships only the no-op; {@code understudy-micrometer} binds it to
 * Micrometer (the Spring Boot starter does so by itself). Node states, lag, epoch and failovers are read from
 * {@link UnderstudyDataSource#topology()} and from {@link UnderstudyListener events}, so they need nothing here.
 *
 * <p>Every method but {@link #routed} has a default that does nothing, so an implementation picks what it needs.
 * Methods are called on the request path or on the monitor's threads: keep them cheap (no I/O, no locks held
 * long) and never throw.
 */
public interface UnderstudyMetrics {

    /** A node's circuit breaker state, as {@link #breakerChanged} reports it. */
    enum BreakerState {
        /** Borrows from the node go through. */
        CLOSED,
        /** Borrows from the node fail fast: too many of the recent ones failed. */
        OPEN,
        /** A few trial borrows decide whether the node is usable again. */
        HALF_OPEN
    }

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
     * A write (or a read that must run on the master) got a master connection, or gave up waiting for one. Normally
     * a matter of microseconds; while a master is being replaced, up to {@code masterWaitTimeout}.
     *
     * @param nanos how long it took to get a master connection, or to give up
     * @param found whether it got one ({@code false}: it failed with {@link NoAvailableNodeException})
     */
    default void masterWaited(long nanos, boolean found) {
    }

    /**
     * Understudy failed a request with one of its typed errors: {@code 08001} (no usable node), {@code 08S02} (a
     * read-only transaction's server died), {@code 08007} (a commit's outcome is unknown).
     *
     * @param sqlState the SQLState the application got
     */
    default void routingFailed(String sqlState) {
    }

    /**
     * An auto-commit read whose replica died under it is run again on another node.
     *
     * @param failed the replica it failed on
     */
    default void readRetried(HostAndPort failed) {
    }

    /**
     * A node's circuit breaker changed state. Called once with {@link BreakerState#CLOSED} for each node at start.
     *
     * @param node  the node
     * @param state its breaker's new state
     */
    default void breakerChanged(HostAndPort node, BreakerState state) {
    }

    /**
     * A node of the DataSource, once, at start: its live figures ({@link ReplicaCandidate#latencyNanos()}, the
     * moving average of its probes' latency, and {@link ReplicaCandidate#inFlight()}) can back gauges.
     *
     * @param node the node's live figures
     */
    default void nodeAdded(ReplicaCandidate node) {
    }

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
