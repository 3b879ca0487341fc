package io.github.understudy.internal;

import io.github.understudy.NoAvailableNodeException;
import io.github.understudy.ReplicaSelector;
import io.github.understudy.Role;
import io.github.understudy.UnderstudyMetrics;

import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Picks a node for a read or a write from the current {@link RoutingTable} (one volatile read, no lock) and
 * borrows a connection from its pool. A read that cannot get a connection from one replica tries the next, then
 * the master if allowed; a write with no usable master waits a bounded time for one.
 */
final class Router {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Router.class);

    private static final long MASTER_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final String name;
    private final HealthMonitor monitor;
    private final ReplicaSelector selector;
    private final boolean fallbackToMaster;
    private final Duration masterWait;
    private final UnderstudyMetrics metrics;

    public Router(String name, HealthMonitor monitor, ReplicaSelector selector, boolean fallbackToMaster,
                  Duration masterWait, UnderstudyMetrics metrics) {
        this.metrics = metrics;
        this.name = name;
        this.monitor = monitor;
        this.selector = selector;
        this.fallbackToMaster = fallbackToMaster;
        this.masterWait = masterWait;
    }

    /**
     * A borrowed physical connection, the node it came from, whether it was borrowed as the master, and the pool it
     * goes back to ({@link PoolReturn}).
     */
    public record Borrowed(Node node, Connection connection, boolean master, Node.Pool pool) {

        /** Whether its pool makes connections read-only. */
        boolean poolReadOnly() {
            return pool.readOnly();
        }
    }

    public Borrowed write() throws SQLException {
        return master(true);
    }

    private Borrowed master(boolean write) throws SQLException {
        long started = System.nanoTime();
        long deadline = started + masterWait.toNanos();
        SQLException last = null;
        while (true) {
            Node master = monitor.table().master();
            if (master != null && permitted(master)) {
                try {
                    Borrowed borrowed = borrowed(master, true, write);
                    if (monitor.table().master() == master) {
                        metrics.masterWaited(System.nanoTime() - started, true);
                        return borrowed;
                    }
                    // The master changed while this was borrowed: its borrowed connections are being aborted.
                    PoolReturn.release(borrowed);
                    continue;
                } catch (SQLException e) {
                    last = passOn(e);
                }
            }
            if (System.nanoTime() - deadline >= 0) {
                RoutingTable table = monitor.table();
                String why = table.noMaster().isEmpty() ? "master " + table.master() + " did not give a connection"
                        : table.noMaster();
                metrics.masterWaited(System.nanoTime() - started, false);
                throw failed(new NoAvailableNodeException(name + " - no master for write within "
                        + masterWait.toMillis() + "ms (masterWaitTimeout): " + why, table.snapshot(), last));
            }
            LockSupport.parkNanos(MASTER_POLL_NANOS);
        }
    }

    /**
     * @param exclude replicas already tried by this request (usually empty)
     */
    public Borrowed read(List<Node> exclude) throws SQLException {
        if (!exclude.isEmpty()) {
            metrics.readRetried(exclude.get(0).address());
        }
        long deadline = System.nanoTime() + masterWait.toNanos();
        SQLException last = null;
        while (true) {
            RoutingTable table = monitor.table();
            List<Node> candidates = candidates(table.replicas(), exclude);
            while (!candidates.isEmpty()) {
                Node replica = selector.select(candidates);
                try {
                    return borrowed(replica, false, false);
                } catch (SQLException e) {
                    last = passOn(e);
                    candidates = new ArrayList<>(candidates);
                    candidates.remove(replica);
                }
            }
            Node master = table.master();
            if (fallbackToMaster && master != null && permitted(master)) {
                try {
                    return borrowed(master, true, false);
                } catch (SQLException e) {
                    last = passOn(e);
                }
            }
            // With no replica and no master (a failover under way, e.g. of a one-replica cluster), wait for one
            // as a write would; without fallback there is nothing to wait for.
            if (!fallbackToMaster || master != null || System.nanoTime() - deadline >= 0) {
                throw failed(new NoAvailableNodeException(name + " - no healthy replica for read"
                        + noFallback(master), table.snapshot(), last));
            }
            LockSupport.parkNanos(MASTER_POLL_NANOS);
        }
    }

    private String noFallback(Node master) {
        if (!fallbackToMaster) {
            return " (readFallbackToMaster=false)";
        }
        return master == null ? " and no master to fall back to"
                : " and the master " + master + " did not give a connection either";
    }

    /** The failure to remember while trying on, or thrown at once when the node refused the configuration. */
    private static SQLException passOn(SQLException failure) throws SQLException {
        if (failure instanceof Misconfiguration.Refusal) {
            throw failure;
        }
        return failure;
    }

    /**
     * A read on a replica {@code eligible} says has what the caller needs (read-your-writes), or null when none
     * has it or none gives a connection: no fallback here.
     *
     * @throws SQLException when a replica refuses the configuration (access denied, unknown database)
     */
    public Borrowed readIf(java.util.function.Predicate<Node> eligible) throws SQLException {
        List<Node> candidates = new ArrayList<>();
        for (Node node : candidates(monitor.table().replicas(), List.of())) {
            if (eligible.test(node)) {
                candidates.add(node);
            }
        }
        while (!candidates.isEmpty()) {
            Node replica = selector.select(candidates);
            try {
                return borrowed(replica, false, false);
            } catch (SQLException e) {
                passOn(e);
                candidates.remove(replica);
            }
        }
        return null;
    }

    /** A read on the master (strong consistency, or read-your-writes when no replica has the writes in time). */
    public Borrowed readFromMaster() throws SQLException {
        return master(false);
    }

    /** The lag a replica had at its last probe, null when unknown. */
    public Duration lag(Node node) {
        return monitor.table().snapshot().node(node.address()).map(io.github.understudy.NodeStatus::lag).orElse(null);
    }

    /** The position a node had at its last probe. */
    public String gtidPosition(Node node) {
        return monitor.table().snapshot().node(node.address()).map(io.github.understudy.NodeStatus::gtidPosition)
                .orElse("");
    }

    /** The replicas to choose from; the table's own list when nothing is excluded (no allocation). */
    private static List<Node> candidates(List<Node> replicas, List<Node> exclude) {
        boolean allUsable = exclude.isEmpty();
        for (int i = 0; allUsable && i < replicas.size(); i++) {
            allUsable = permitted(replicas.get(i));
        }
        if (allUsable) {
            return replicas;
        }
        List<Node> usable = new ArrayList<>(replicas.size());
        for (Node node : replicas) {
            if (!exclude.contains(node) && permitted(node)) {
                usable.add(node);
            }
        }
        return usable;
    }

    /**
     * Whether a request may try the node: its breaker is not open, or its open wait is over. Only asking for a
     * permission moves an open breaker to half-open; a node skipped while open would otherwise stay open for
     * ever, whatever its health (the trial permission is given back: {@link #borrow} asks for its own).
     */
    private static boolean permitted(Node node) {
        CircuitBreaker breaker = node.breaker();
        if (breaker.getState() != CircuitBreaker.State.OPEN) {
            return true;
        }
        if (breaker.tryAcquirePermission()) {
            breaker.releasePermission();
            return true;
        }
        return false;
    }

    private Borrowed borrowed(Node node, boolean master, boolean write) throws SQLException {
        Node.Pool pool = node.currentPool();
        Borrowed borrowed = new Borrowed(node, borrow(node, pool), master, pool);
        try {
            metrics.routed(node.address(), master ? Role.MASTER : Role.REPLICA, write);
        } catch (RuntimeException e) {
            LOG.warn("{} - the metrics sink failed; routing goes on", name, e); // as a throwing listener is
        }
        return borrowed;
    }

    /** {@return the DataSource's name, the prefix of its messages} */
    public String name() {
        return name;
    }

    private Connection borrow(Node node, Node.Pool pool) throws SQLException {
        CircuitBreaker breaker = node.breaker();
        if (!breaker.tryAcquirePermission()) {
            throw new SQLException(name + " - circuit breaker of " + node + " is open", "08001");
        }
        long started = System.nanoTime();
        try {
            Connection connection = pool.dataSource().getConnection();
            breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            node.stats().enter();
            node.borrowed(connection, pool);
            return connection;
        } catch (SQLException e) {
            SQLException refusal = Misconfiguration.refusal(name, node, e);
            if (refusal != null) {
                breaker.releasePermission(); // the node is healthy: it only refuses this configuration
                throw refusal;
            }
            breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, e);
            // A pool timeout with no cause is load, and a refused login is configuration: only a communications
            // failure while connecting says the node is broken.
            if (e.getCause() instanceof SQLException cause && Communication.failed(cause)) {
                monitor.requestFailed(node, NodeProbe.reason(cause));
            }
            throw e;
        }
    }

    /** Counts a typed error Understudy gives the application, by SQLState; returns it, to be thrown. */
    <E extends SQLException> E failed(E error) {
        metrics.routingFailed(error.getSQLState());
        return error;
    }

    public RoutingTable table() {
        return monitor.table();
    }
}
