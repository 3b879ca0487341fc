package io.github.understudy.internal;

import io.github.understudy.HostAndPort;
import io.github.understudy.LagSource;
import io.github.understudy.NodeState;
import io.github.understudy.Role;
import io.github.understudy.StartupFailedException;
import io.github.understudy.StartupFailedException.Reason;
import io.github.understudy.UnderstudyConfig;
import io.github.understudy.UnderstudyMetrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.MDC;

/** Building, starting and stopping a DataSource's nodes: the wiring kept out of the public class. */
final class Nodes {

    private Nodes() {
    }

    /**
     * One thread per node, so a hung node's probe never delays another's; at least two. Daemon threads. Their log
     * lines (probes, diagnoses, failovers, fencing, rejoins) carry the MDC key {@code understudy.datasource}.
     */
    public static ScheduledExecutorService scheduler(String name, int nodes) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = task -> {
            Runnable withMdc = () -> {
                MDC.put("understudy.datasource", name);
                task.run();
            };
            Thread thread = new Thread(withMdc, name + "-monitor-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        return Executors.newScheduledThreadPool(Math.max(2, nodes), factory);
    }

    /**
     * The one thread that does the housekeeping of every pool of the DataSource (idle timeouts, max lifetime, the
     * minimum of idle connections): HikariCP starts one per pool otherwise, and pools are replaced at role changes.
     */
    public static ScheduledExecutorService housekeeper(String name) {
        java.util.concurrent.ScheduledThreadPoolExecutor executor = new java.util.concurrent.ScheduledThreadPoolExecutor(
                1, task -> {
                    Thread thread = new Thread(task, name + "-pool-housekeeper");
                    thread.setDaemon(true);
                    return thread;
                });
        executor.setRemoveOnCancelPolicy(true); // HikariCP cancels a closed pool's tasks
        return executor;
    }

    public static List<Node> create(UnderstudyConfig config, ConnectionFactory connections) {
        HealthPolicy policy = HealthPolicy.of(config);
        CircuitBreaker.Settings breakers = CircuitBreaker.Settings.following(config.probeInterval());
        boolean heartbeat = config.lagSource() == LagSource.HEARTBEAT;
        List<Node> nodes = new ArrayList<>();
        for (HostAndPort address : config.hosts()) {
            nodes.add(new Node(address, new NodeHealth(address, policy, config.clock()),
                    new CircuitBreaker(config.name() + " - " + address, breakers, config.clock(),
                            state -> config.metrics().breakerChanged(address, state.reported())),
                    new NodeProbe(address, connections, heartbeat, config.clock())));
            config.metrics().breakerChanged(address, UnderstudyMetrics.BreakerState.CLOSED);
            config.metrics().nodeAdded(nodes.get(nodes.size() - 1));
        }
        return nodes;
    }

    /** Discovers the roles, checks them against the configuration, opens the pools and starts the probes. */
    public static void start(UnderstudyConfig config, List<Node> nodes, HealthMonitor monitor,
                             ConnectionFactory connections, ScheduledExecutorService scheduler,
                             FailoverCoordinator coordinator) {
        monitor.probeAll();
        try {
            coordinator.start();
        } catch (java.sql.SQLException e) {
            throw new StartupFailedException(Reason.MASTER_NOT_RESTORED, config.name() + " - cannot start: the "
                    + "master could not be restored: " + e.getMessage(), monitor.table().snapshot(), e);
        }
        RoutingTable table = monitor.table();
        startFailure(config, table, monitor.refused()).ifPresent(reason -> {
            if (!config.startDegraded() || table.master() != null) {
                throw new StartupFailedException(reason, config.name() + " - cannot start: " + startProblem(config,
                        table) + " (" + table.snapshot().describe() + ")" + (config.startDegraded() ? ""
                        : "; set startDegraded=true to start without a master"), table.snapshot(), null);
            }
        });
        boolean mariadb = nodes.stream().map(n -> n.probe().dialect()).filter(d -> d != null).findFirst()
                .map(Dialect::mariadb).orElse(false);
        RolePools pools = new RolePools(config, connections, monitor, mariadb);
        for (Node node : nodes) {
            pools.open(node, node == table.master());
        }
        monitor.onMasterChange(table.master(), pools::masterChanged, pools::prepare);
        monitor.start();
        long tick = Math.max(TimeUnit.MILLISECONDS.toNanos(20), config.probeInterval().toNanos() / 5);
        scheduler.scheduleWithFixedDelay(coordinator::tick, tick, tick, TimeUnit.NANOSECONDS);
        monitor.onMasterTrouble(coordinator::masterProbeFailed);
        if (config.lagSource() == LagSource.HEARTBEAT) {
            Heartbeat heartbeat = new Heartbeat(config.name(), connections, monitor);
            long period = config.heartbeatInterval().toNanos();
            scheduler.scheduleWithFixedDelay(heartbeat::beat, 0, period, TimeUnit.NANOSECONDS);
        }
    }

    /** Which start-up rule the routing table breaks, if any (pure: unit-tested). */
    static Optional<Reason> startFailure(UnderstudyConfig config, RoutingTable table, String refused) {
        if (table.master() == null) {
            long writable = table.snapshot().nodes().stream().filter(s -> s.role() == Role.MASTER
                    && (s.state() == NodeState.UP || s.state() == NodeState.SUSPECT)).count();
            return Optional.of(writable > 1 ? Reason.SEVERAL_WRITABLE_MASTERS
                    : !refused.isEmpty() ? Reason.AMBIGUOUS_MASTER : Reason.NO_REACHABLE_MASTER);
        }
        return config.master().filter(configured -> !configured.equals(table.master().address()))
                .map(configured -> Reason.MASTER_NOT_AS_CONFIGURED);
    }

    private static String startProblem(UnderstudyConfig config, RoutingTable table) {
        if (table.master() == null) {
            return table.noMaster();
        }
        return "master is configured as " + config.master().orElseThrow() + ", but the writable node that "
                + "replicates from no one is " + table.master().address();
    }

    public static void stop(ScheduledExecutorService scheduler, List<Node> nodes, Duration probeTimeout) {
        scheduler.shutdownNow();
        // The pools close with the interrupt flag clear, whatever the caller's: HikariCP gives up closing a pool
        // when interrupted, and leaves its housekeeper thread running. The flag is set again at the end.
        boolean interrupted = Thread.interrupted();
        try {
            // A probe in flight ends within its socket timeout.
            scheduler.awaitTermination(probeTimeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        }
        nodes.forEach(Node::close);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
