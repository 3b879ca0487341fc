package io.github.understudy.internal;

import io.github.understudy.HostAndPort;
import io.github.understudy.ReplicaCandidate;

import com.zaxxer.hikari.HikariDataSource;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * Everything Understudy keeps for one server: its health, its request statistics, its circuit breaker, its
 * connection pool and its probe. Immutable references; the members are thread-safe.
 */
public final class Node implements ReplicaCandidate, AutoCloseable {

    private final HostAndPort address;
    private final NodeHealth health;
    private final NodeStats stats;
    private final CircuitBreaker breaker;
    private volatile HikariDataSource pool;
    private volatile boolean poolReadOnly;
    private final NodeProbe probe;

    Node(HostAndPort address, NodeHealth health, CircuitBreaker breaker, NodeProbe probe) {
        this.address = address;
        this.health = health;
        this.stats = new NodeStats(address);
        this.breaker = breaker;
        this.probe = probe;
    }

    @Override
    public HostAndPort address() {
        return address;
    }

    @Override
    public int inFlight() {
        return stats.inFlight();
    }

    @Override
    public long latencyNanos() {
        return stats.latencyNanos();
    }

    NodeHealth health() {
        return health;
    }

    NodeStats stats() {
        return stats;
    }

    CircuitBreaker breaker() {
        return breaker;
    }

    HikariDataSource pool() {
        return pool;
    }

    /** Opens the pool once the node's role is known (replica pools are read-only by default). */
    void openPool(HikariDataSource newPool, boolean readOnly) {
        this.pool = newPool;
        this.poolReadOnly = readOnly;
    }

    /** Whether this node's pool hands out read-only connections (it was a replica when the pool opened). */
    boolean poolReadOnly() {
        return poolReadOnly;
    }

    NodeProbe probe() {
        return probe;
    }

    @Override
    public void close() {
        HikariDataSource open = pool;
        if (open != null) {
            open.close();
        }
        probe.close();
    }

    @Override
    public String toString() {
        return address.toString();
    }
}
