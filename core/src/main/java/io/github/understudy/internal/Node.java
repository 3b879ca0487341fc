package io.github.understudy.internal;

import io.github.understudy.HostAndPort;
import io.github.understudy.ReplicaCandidate;

import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything Understudy keeps for one server: its health, its request statistics, its circuit breaker, its
 * connection pool and its probe. Immutable references; the members are thread-safe.
 */
final class Node implements ReplicaCandidate, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Node.class);

    private final HostAndPort address;
    private final NodeHealth health;
    private final NodeStats stats;
    private final CircuitBreaker breaker;
    private volatile Pool pool;
    private final NodeProbe probe;
    private final Set<Connection> borrowed = ConcurrentHashMap.newKeySet();
    private final RetiredPools retired;
    private final java.util.concurrent.atomic.AtomicReference<HikariDataSource> prepared =
            new java.util.concurrent.atomic.AtomicReference<>();

    Node(HostAndPort address, NodeHealth health, CircuitBreaker breaker, NodeProbe probe) {
        this.address = address;
        this.health = health;
        this.stats = new NodeStats(address);
        this.breaker = breaker;
        this.probe = probe;
        this.retired = new RetiredPools(address.toString());
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

    /**
     * A pool and whether its connections start read-only, read together: a borrow must never pair one pool's
     * connection with another pool's mode (a write would get a read-only connection while the pools change).
     *
     * @param dataSource the HikariCP pool
     * @param readOnly   whether its connections are read-only from birth (a replica's pool)
     */
    record Pool(HikariDataSource dataSource, boolean readOnly) {
    }

    HikariDataSource pool() {
        Pool current = pool;
        return current == null ? null : current.dataSource();
    }

    Pool currentPool() {
        return pool;
    }

    /**
     * Keeps a master pool opened ahead of a promotion of this node: HikariCP fills it while the promotion finishes,
     * so that the first writes find connections. One at most; an earlier one not taken is closed.
     */
    void prepare(HikariDataSource masterPool) {
        HikariDataSource earlier = prepared.getAndSet(masterPool);
        if (earlier != null) {
            retired.retire(earlier, Duration.ZERO);
        }
    }

    /** {@return the master pool prepared for this node, null when none; it is the caller's from now on} */
    HikariDataSource takePrepared() {
        return prepared.getAndSet(null);
    }

    /** Opens the pool once the node's role is known (replica pools are read-only by default). */
    void openPool(HikariDataSource newPool, boolean readOnly) {
        this.pool = new Pool(newPool, readOnly);
    }

    /**
     * Opens the pool of the node's new role and retires the old one on its own thread: requests in flight finish
     * on it first, for at most {@code drainLimit}.
     */
    void reopenPool(HikariDataSource newPool, boolean readOnly, Duration drainLimit) {
        HikariDataSource old = pool();
        openPool(newPool, readOnly);
        if (old != null) {
            retired.retire(old, drainLimit);
        }
    }

    /** Replaces the pool's connections as they come back (their sessions were killed on the server). */
    void softEvictPool() {
        HikariDataSource open = pool();
        if (open != null && open.getHikariPoolMXBean() != null) {
            open.getHikariPoolMXBean().softEvictConnections();
        }
    }

    /**
     * Records a connection borrowed from this node's master pool, so that a demotion can abort it. A replica pool's
     * connections are read-only from birth and no write can be acknowledged on them: they are not tracked (a
     * borrow would otherwise cost an entry in a set shared by every thread, on the hottest path).
     */
    void borrowed(Connection connection, Pool from) {
        if (!from.readOnly()) {
            borrowed.add(connection);
        }
    }

    void returned(Connection connection, Pool from) {
        if (!from.readOnly()) {
            borrowed.remove(connection);
        }
    }

    /**
     * Aborts every connection borrowed from this node: it was the master and is no longer, and a statement in
     * flight there (on a master that hung, say) would otherwise be acknowledged by it.
     */
    void abortBorrowed() {
        for (Connection connection : borrowed) {
            try {
                // Closes the socket here and now: the request blocked on it fails instead of being acknowledged.
                connection.abort(Runnable::run);
            } catch (SQLException | RuntimeException e) {
                LOG.debug("{} - aborting a borrowed connection failed: {}", address, e.getMessage());
            }
        }
    }

    NodeProbe probe() {
        return probe;
    }

    @Override
    public void close() {
        HikariDataSource open = pool();
        if (open != null) {
            open.close();
        }
        HikariDataSource unused = prepared.getAndSet(null);
        if (unused != null) {
            unused.close();
        }
        retired.close();
        probe.close();
    }

    @Override
    public String toString() {
        return address.toString();
    }
}
