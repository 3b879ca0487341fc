package io.github.understudy.internal;

import io.github.understudy.UnderstudyConfig;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives each node the pool of its role: the master's pool is writable and sized by {@code masterPool}, a replica's
 * is read-only and sized by {@code replicaPool}. When the master changes, the new master and the old one get new
 * pools ({@link Node#reopenPool}); the old master's borrowed connections are aborted.
 */
final class RolePools {

    private static final Logger LOG = LoggerFactory.getLogger(RolePools.class);

    private final UnderstudyConfig config;
    private final ConnectionFactory connections;
    private final HealthMonitor monitor;
    private final boolean mariadb;
    private final Map<Node, AtomicInteger> generations = new ConcurrentHashMap<>();

    RolePools(UnderstudyConfig config, ConnectionFactory connections, HealthMonitor monitor, boolean mariadb) {
        this.config = config;
        this.connections = connections;
        this.monitor = monitor;
        this.mariadb = mariadb;
    }

    /** The first pool of a node. */
    void open(Node node, boolean master) {
        node.openPool(pool(node, master), !master);
    }

    /**
     * Writes now go to {@code now} instead of {@code old} (null when there was no master). Runs as the routing
     * table changes: it must not fail, so a pool that cannot be opened leaves the node its old one.
     */
    void masterChanged(Node old, Node now) {
        if (old != null && old != now) {
            old.abortBorrowed(); // first: nothing may keep a request on the former master
            reopen(old, false, Duration.ZERO, null);
        }
        HikariDataSource prepared = now.takePrepared();
        reopen(now, true, config.socketTimeout(), prepared);
        LOG.info("{} - pools reopened for the new roles: master {}{}", config.name(), now,
                old == null ? "" : ", former master " + old + " (its requests in flight aborted)");
    }

    /** Opens the master pool of a node about to be promoted, so that it has connections when writes arrive. */
    void prepare(Node node) {
        try {
            node.prepare(pool(node, true));
        } catch (RuntimeException e) {
            LOG.warn("{} - cannot open a master pool ahead for {}: {}", config.name(), node, e.getMessage());
        }
    }

    private void reopen(Node node, boolean master, Duration drainLimit, HikariDataSource prepared) {
        try {
            node.reopenPool(prepared != null ? prepared : pool(node, master), !master, drainLimit);
        } catch (RuntimeException e) {
            LOG.warn("{} - cannot open a {} pool for {}, it keeps its pool: {}", config.name(),
                    master ? "master" : "replica", node, e.getMessage());
        }
    }

    private HikariDataSource pool(Node node, boolean master) {
        // A later pool of the same node gets its own name: pool metrics are keyed by it, and both live for a while.
        int generation = generations.computeIfAbsent(node, n -> new AtomicInteger()).incrementAndGet();
        String suffix = generation == 1 ? "" : "-" + generation;
        return connections.pool(node.address(), master ? config.masterPool() : config.replicaPool(), !master,
                new FailureReporter(monitor, node), mariadb, suffix);
    }

    /**
     * Hears every SQLException on a node's pooled connections, and reports the ones that mean it is gone. A
     * statement that outlived its timeout (the caller's {@code setNetworkTimeout}, say) says nothing about the
     * node: the probes, with their own timeout, judge a hung one.
     */
    private record FailureReporter(HealthMonitor monitor, Node node) implements SQLExceptionOverride {
        @java.lang.Override
        public Override adjudicate(java.sql.SQLException failure) {
            if (Communication.failed(failure) && !Communication.timedOut(failure)) {
                monitor.requestFailed(node, NodeProbe.reason(failure));
            }
            return Override.CONTINUE_EVICT;
        }
    }
}
