package io.github.understudy.spring.boot.actuate;

import io.github.understudy.HostAndPort;
import io.github.understudy.NodeState;
import io.github.understudy.Role;
import io.github.understudy.TopologySnapshot;
import io.github.understudy.UnderstudyDataSource;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The health of one Understudy DataSource: {@code DOWN} when writes have nowhere to go
 * ({@link UnderstudyDataSource#writeTarget()} is empty: no master reachable, several nodes writable, or a failover
 * under way), {@code UP} otherwise, even with every replica down: writes still work, and reads fall back to the
 * master unless {@code readFallbackToMaster} is off. A planned switchover run through the {@code understudy}
 * endpoint holds writes on purpose and stays {@code UP} (detail {@code switchover}); one started by a direct call
 * to {@link UnderstudyDataSource#switchover} looks like any time without a master. The details show the master, the epoch, the last
 * failover with its phase timings, and each node's role, state, lag and last problem.
 *
 * <p>One indicator per DataSource rather than one per node: a node's own status would be aggregated, and one dead
 * replica would turn the application's health {@code DOWN} and get it restarted for nothing.
 */
public final class UnderstudyHealthIndicator implements HealthIndicator {

    private final UnderstudyDataSource dataSource;
    private final UnderstudyEventLog events;

    /**
     * Creates an indicator without failover history.
     *
     * @param dataSource the DataSource whose topology it reports
     */
    public UnderstudyHealthIndicator(UnderstudyDataSource dataSource) {
        this(dataSource, null);
    }

    /**
     * Creates the indicator.
     *
     * @param dataSource the DataSource whose topology it reports
     * @param events the log that the DataSource publishes its events to, for the last failover; or null
     */
    public UnderstudyHealthIndicator(UnderstudyDataSource dataSource, UnderstudyEventLog events) {
        this.dataSource = dataSource;
        this.events = events;
    }

    /** {@return the health, read from the DataSource's routing state and the event log: no I/O} */
    @Override
    public Health health() {
        TopologySnapshot topology = dataSource.topology();
        Optional<HostAndPort> master = dataSource.writeTarget();
        Optional<String> switchover = events == null ? Optional.empty()
                : events.switchoverUnderWay(dataSource.name());
        Health.Builder health = master.isPresent() || switchover.isPresent() ? Health.up() : Health.down();
        health.withDetail("name", dataSource.name());
        if (master.isPresent()) {
            health.withDetail("master", master.get().toString());
        } else if (switchover.isPresent()) {
            health.withDetail("switchover", "writes are held while " + switchover.get() + " becomes the master");
        } else {
            health.withDetail("problem", noWriteTarget(topology));
        }
        health.withDetail("epoch", topology.epoch());
        if (events != null) {
            events.lastFailover(dataSource.name()).ifPresent(failover -> health.withDetail("lastFailover", failover));
        }
        return health.withDetail("replicas", topology.replicas().size())
                .withDetail("healthyReplicas", topology.healthyReplicas().size())
                .withDetail("nodes", nodes(topology))
                .build();
    }

    /** Why writes have no target, in the words of core's routing table (which does not publish its reason). */
    static String noWriteTarget(TopologySnapshot topology) {
        long writable = topology.nodes().stream().filter(n -> n.role() == Role.MASTER
                && (n.state() == NodeState.UP || n.state() == NodeState.SUSPECT)).count();
        if (writable == 0) {
            return "no reachable writable master";
        }
        if (writable > 1) {
            return writable + " nodes report being writable masters: refusing to route writes";
        }
        return "writes are held: a switchover is under way, or the writable node is not the master of epoch "
                + topology.epoch();
    }

    private static Map<String, NodeDescriptor> nodes(TopologySnapshot topology) {
        Map<String, NodeDescriptor> nodes = new LinkedHashMap<>();
        topology.nodes().forEach(node -> nodes.put(node.address().toString(), NodeDescriptor.of(node)));
        return nodes;
    }
}
